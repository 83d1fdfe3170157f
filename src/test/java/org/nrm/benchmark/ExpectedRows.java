package org.nrm.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each measured query must answer, counted in SQL straight from the engine's tables: the
 * tasks and instances a user may see are those of their jurisdiction's tenant ({@code null}: every
 * tenant, as for {@code admin}).
 */
final class ExpectedRows {

  private final JdbcTemplate jdbc;

  ExpectedRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Open tasks of a candidate group; {@code includeAssigned} as Camunda's includeAssignedTasks. */
  long candidateTasks(String group, String tenant, boolean includeAssigned, boolean overdueOnly) {
    return jdbc.queryForObject("select count(distinct t.id_) from act_ru_task t"
        + " join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = ?"
        + " where t.suspension_state_ = 1 and (cast(? as varchar) is null or t.tenant_id_ = ?)"
        + (includeAssigned ? "" : " and t.assignee_ is null")
        + (overdueOnly ? " and t.due_date_ < localtimestamp" : ""), Long.class, group, tenant, tenant);
  }

  long assignedTasks(String user) {
    return jdbc.queryForObject("select count(*) from act_ru_task where assignee_ = ? and suspension_state_ = 1", Long.class, user);
  }

  long runningInstances(String processDefinitionId, String tenant) {
    return jdbc.queryForObject("select count(*) from act_ru_execution where id_ = proc_inst_id_ and proc_def_id_ = ?"
        + " and (cast(? as varchar) is null or tenant_id_ = ?)", Long.class, processDefinitionId, tenant, tenant);
  }

  /** The case process definition with the most running cases (a new version deployed at start-up has none). */
  String busiestCaseDefinition() {
    return jdbc.queryForObject("select proc_def_id_ from act_ru_execution where id_ = proc_inst_id_ and proc_def_key_ = 'NrmCaseProcess'"
        + " group by proc_def_id_ order by count(*) desc limit 1", String.class);
  }

  /** A case of the jurisdiction with many tasks in its history: business key and process instance. */
  String[] caseWithLongHistory(String tenant) {
    return jdbc.queryForObject("select p.business_key_, p.id_ from act_hi_procinst p join act_hi_taskinst h on h.proc_inst_id_ = p.id_"
        + " where p.proc_def_key_ = 'NrmCaseProcess' and p.tenant_id_ = ? group by p.business_key_, p.id_"
        + " order by count(*) desc, p.business_key_ limit 1", (row, i) -> new String[] {row.getString(1), row.getString(2)}, tenant);
  }

  long historicTasksOfCase(String businessKey) {
    return jdbc.queryForObject("select count(*) from act_hi_taskinst h join act_hi_procinst p on p.id_ = h.proc_inst_id_"
        + " where p.business_key_ = ?", Long.class, businessKey);
  }

  long historicTasksOfInstance(String processInstanceId) {
    return jdbc.queryForObject("select count(*) from act_hi_taskinst where proc_inst_id_ = ?", Long.class, processInstanceId);
  }
}
