package org.nrm.benchmark;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the fill left in the database: open tasks by jurisdiction and institution, straight from SQL. */
record TaskCounts(long openTasks, long claimed, long overdue, long cases, List<Map<String, Object>> byInstitution) {

  static TaskCounts of(JdbcTemplate jdbc) {
    return new TaskCounts(
        jdbc.queryForObject("select count(*) from act_ru_task", Long.class),
        jdbc.queryForObject("select count(*) from act_ru_task where assignee_ is not null", Long.class),
        jdbc.queryForObject("select count(*) from act_ru_task where due_date_ < now()", Long.class),
        jdbc.queryForObject("select count(*) from act_ru_execution where id_ = proc_inst_id_ and proc_def_key_ = 'NrmCaseProcess'",
            Long.class),
        jdbc.queryForList("""
            select l.group_id_ as institution,
                   count(*) filter (where t.tenant_id_ = 'CR') as cr,
                   count(*) filter (where t.tenant_id_ = 'GT') as gt,
                   count(*) filter (where t.tenant_id_ is null or t.tenant_id_ not in ('CR', 'GT')) as other,
                   count(*) filter (where t.assignee_ is not null) as claimed,
                   count(*) filter (where t.due_date_ < now()) as overdue
            from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate'
            group by l.group_id_ order by count(*) desc
            """));
  }

  String table() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("| %-18s | %8s | %8s | %6s | %8s | %8s |%n", "institution", "CR", "GT", "other", "claimed", "overdue"));
    text.append("|--------------------|---------:|---------:|-------:|---------:|---------:|\n");
    for (Map<String, Object> row : byInstitution) {
      text.append(String.format("| %-18s | %,8d | %,8d | %,6d | %,8d | %,8d |%n", row.get("institution"), row.get("cr"), row.get("gt"),
          row.get("other"), row.get("claimed"), row.get("overdue")));
    }
    text.append(String.format("%nopen tasks %,d (claimed %,d, overdue %,d) in %,d open cases%n", openTasks, claimed, overdue, cases));
    return text.toString();
  }
}
