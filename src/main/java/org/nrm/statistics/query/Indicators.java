package org.nrm.statistics.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nrm.institutions.Institution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mechanism's indicators over the cases detected in a period: how fast the first assistance,
 * the identification and the referrals came, what the institutions answered, the legal tracks,
 * durable solutions and returns, children notified to child protection, the open cases by stage
 * and the tasks overdue now. From the statistics store, but for the tasks overdue now, which are
 * the engine's open tasks. Every group of counts is suppressed like a breakdown (a count from 1
 * to k - 1 never shown, nor one that the group's sum would give away), and a median or share of
 * fewer than k cases is not shown.
 */
@Component
public class Indicators {

  private static final List<String> REFERRAL_STATES = List.of("pending", "accepted", "declined", "delivered", "not-delivered");

  private final JdbcTemplate jdbc;
  private final StatisticsProperties properties;

  Indicators(JdbcTemplate jdbc, StatisticsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> of(StatisticsRequest request, Instant now) {
    int k = properties.minimumCellOf(request.jurisdictions());
    List<Object> parameters = new ArrayList<>();
    String where = StoreFilter.where(request, parameters);
    Object[] values = parameters.toArray();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jurisdictions", request.jurisdictions());
    answer.put("from", request.from() == null ? null : request.from().toString());
    answer.put("to", request.to() == null ? null : request.to().toString());
    answer.put("minimumCell", k);

    answer.put("firstAssistance", distribution("c.first_assistance_hours", where, values, k, "Hours"));
    Map<String, Object> identification = group(jdbc.queryForList("select c.identification, count(*) from nrm_stat_case c where "
        + where + " group by c.identification", values), k, Map.of("identified", "identified", "not-identified", "notIdentified",
        "pending", "pending"));
    identification.putAll(distribution("c.identification_working_days", where + " and c.identification_working_days is not null",
        values, k, "WorkingDays"));
    identification.put("medianDeadlineWorkingDays", median("c.identification_deadline_days", where, values, k));
    identification.put("decidedWithinDeadline", share("c.identification_working_days <= c.identification_deadline_days",
        where + " and c.identification_deadline_days is not null", values, k));
    answer.put("identification", identification);
    answer.put("referrals", referrals(where, values, k));
    answer.put("escalations", escalations(where, values, k));
    answer.put("legal", group(jdbc.queryForList("select 'complaintsFiled', count(*) from nrm_stat_case c where " + where
        + " and c.complaint_filed union all select 'protectionMeasures', count(*) from nrm_stat_case c where " + where
        + " and c.protection_measures union all select 'regularisationsStarted', count(*) from nrm_stat_case c where " + where
        + " and c.regularisation in ('procedure-started', 'residence-granted')", concat(values, values, values)), k, null));
    answer.put("durableSolutions", group(jdbc.queryForList("select c.durable_solution, count(*) from nrm_stat_case c where " + where
        + " and c.durable_solution is not null group by c.durable_solution", values), k, null));
    answer.put("returns", returns(where, values, k));
    answer.put("childrenNotifiedWithin24Hours", share("c.child_protection_hours <= 24",
        where + " and (c.treated_as_child or c.victim_group in ('girl', 'boy'))", values, k));
    answer.put("openCasesByStage", group(jdbc.queryForList("select c.stage, count(*) from nrm_stat_case c where " + where
        + " and c.closed_on is null group by c.stage", values), k, null));
    answer.put("overdueTasks", overdueTasks(request, now, k));
    return answer;
  }

  private List<Map<String, Object>> referrals(String where, Object[] values, int k) {
    List<Map<String, Object>> rows = jdbc.queryForList("select r.institution, r.state, count(*) as cases,"
        + " sum(case when r.overdue and r.closed_on is null then 1 else 0 end) as overdue"
        + " from nrm_stat_referral r join nrm_stat_case c on c.process_instance_id = r.case_id where " + where
        + " group by r.institution, r.state", values);
    Map<String, Map<String, Long>> byInstitution = new TreeMap<>();
    Map<String, Long> overdue = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      String institution = row.get("institution").toString();
      byInstitution.computeIfAbsent(institution, key -> new LinkedHashMap<>()).merge(row.get("state").toString(),
          ((Number) row.get("cases")).longValue(), Long::sum);
      overdue.merge(institution, ((Number) row.get("overdue")).longValue(), Long::sum);
    }
    List<Cell> cells = new ArrayList<>();
    byInstitution.forEach((institution, states) -> REFERRAL_STATES.forEach(state ->
        cells.add(new Cell(List.of(institution, state), states.getOrDefault(state, 0L)))));
    Suppression.applyAdditive(cells, 2, k);
    List<Cell> overdueCells = new ArrayList<>();
    overdue.forEach((institution, count) -> overdueCells.add(new Cell(List.of(institution), count)));
    Suppression.applyAdditive(overdueCells, 1, k);
    Map<String, Object> medians = new TreeMap<>();
    for (Map<String, Object> row : jdbc.queryForList("select r.institution, count(r.hours_to_answer) as answered,"
        + " percentile_cont(0.5) within group (order by r.hours_to_answer) as median from nrm_stat_referral r"
        + " join nrm_stat_case c on c.process_instance_id = r.case_id where " + where + " and r.hours_to_answer is not null"
        + " group by r.institution", values)) {
      medians.put(row.get("institution").toString(), ((Number) row.get("answered")).longValue() < k ? null : round(row.get("median")));
    }
    List<Map<String, Object>> institutions = new ArrayList<>();
    for (String institution : byInstitution.keySet()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("institution", institution);
      entry.put("label", Institution.byId(institution).map(Institution::spanishName).orElse(institution));
      boolean suppressed = false;
      for (Cell cell : cells) {
        if (cell.codes().get(0).equals(institution)) {
          entry.put(camel(cell.codes().get(1)), cell.shownCount());
          suppressed |= cell.suppressed();
        }
      }
      Cell late = overdueCells.stream().filter(cell -> cell.codes().get(0).equals(institution)).findFirst().orElseThrow();
      entry.put("overdue", late.count() == 0 ? Long.valueOf(0) : late.shownCount());
      entry.put("medianHoursToAnswer", medians.get(institution));
      if (suppressed || late.suppressed()) {
        entry.put("suppressed", true);
      }
      institutions.add(entry);
    }
    return institutions;
  }

  private Map<String, Object> escalations(String where, Object[] values, int k) {
    String sums = " sum(x.raised) as raised, sum(x.resolved) as resolved from (select c.escalations_raised as raised,"
        + " c.escalations_resolved as resolved from nrm_stat_case c where " + where
        + " union all select r.escalations_raised, r.escalations_resolved from nrm_stat_referral r join nrm_stat_case c"
        + " on c.process_instance_id = r.case_id where " + where
        + " union all select t.escalations_raised, t.escalations_resolved from nrm_stat_return t join nrm_stat_case c"
        + " on c.process_instance_id = t.case_id where " + where + ") x";
    Map<String, Object> row = jdbc.queryForMap("select" + sums, concat(values, values, values));
    return group(List.of(codeAndCount("raised", number(row.get("raised"))), codeAndCount("resolved", number(row.get("resolved")))),
        k, null);
  }

  private Map<String, Object> returns(String where, Object[] values, int k) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("byState", group(jdbc.queryForList("select t.state, count(*) from nrm_stat_return t join nrm_stat_case c"
        + " on c.process_instance_id = t.case_id where " + where + " group by t.state", values), k, null));
    answer.put("blockedByReason", group(jdbc.queryForList("select t.blocked_reason, count(*) from nrm_stat_return t join nrm_stat_case c"
        + " on c.process_instance_id = t.case_id where " + where + " and t.state = 'blocked' group by t.blocked_reason", values), k, null));
    answer.put("reintegrationOutcomes", group(jdbc.queryForList("select t.reintegration_outcome, count(*) from nrm_stat_return t"
        + " join nrm_stat_case c on c.process_instance_id = t.case_id where " + where
        + " and t.reintegration_outcome is not null group by t.reintegration_outcome", values), k, null));
    return answer;
  }

  /** The open tasks past their due date now, by the institution whose task it is, in the request's jurisdictions. */
  private List<Map<String, Object>> overdueTasks(StatisticsRequest request, Instant now, int k) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(Timestamp.from(now));
    parameters.addAll(request.jurisdictions());
    String jurisdictions = String.join(", ", Collections.nCopies(request.jurisdictions().size(), "?"));
    List<Map<String, Object>> rows = jdbc.queryForList("select i.GROUP_ID_, count(distinct t.ID_) from ACT_RU_TASK t"
        + " join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null"
        + " where t.DUE_DATE_ < ? and t.TENANT_ID_ in (" + jurisdictions + ") group by i.GROUP_ID_", parameters.toArray());
    List<Cell> cells = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<Object> columns = new ArrayList<>(row.values());
      cells.add(new Cell(List.of(columns.get(0).toString()), number(columns.get(1))));
    }
    cells.sort(Comparator.comparing(cell -> cell.codes().get(0)));
    Suppression.applyAdditive(cells, 1, k);
    List<Map<String, Object>> institutions = new ArrayList<>();
    for (Cell cell : cells) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("institution", cell.codes().get(0));
      entry.put("label", Institution.byId(cell.codes().get(0)).map(Institution::spanishName).orElse(cell.codes().get(0)));
      entry.put("count", cell.shownCount());
      if (cell.suppressed()) {
        entry.put("suppressed", true);
      }
      institutions.add(entry);
    }
    return institutions;
  }

  private static Map<String, Object> codeAndCount(String code, long count) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("code", code);
    row.put("count", count);
    return row;
  }

  /** A group of counts (code, count rows), suppressed together; {@code names} renames codes to JSON keys (null: camel case). */
  private static Map<String, Object> group(List<Map<String, Object>> rows, int k, Map<String, String> names) {
    Map<String, Long> counts = new TreeMap<>();
    if (names != null) {
      names.keySet().forEach(code -> counts.put(code, 0L));
    }
    for (Map<String, Object> row : rows) {
      List<Object> columns = new ArrayList<>(row.values());
      counts.merge(String.valueOf(columns.get(0)), number(columns.get(1)), Long::sum);
    }
    List<Cell> cells = new ArrayList<>();
    counts.forEach((code, count) -> cells.add(new Cell(List.of(code), count)));
    Suppression.applyAdditive(cells, 1, k);
    Map<String, Object> answer = new LinkedHashMap<>();
    boolean suppressed = false;
    for (Cell cell : cells) {
      String code = cell.codes().get(0);
      answer.put(names == null ? camel(code) : names.getOrDefault(code, camel(code)), cell.shownCount());
      suppressed |= cell.suppressed();
    }
    if (suppressed) {
      answer.put("suppressed", true);
    }
    return answer;
  }

  private Map<String, Object> distribution(String column, String where, Object[] values, int k, String unit) {
    Map<String, Object> row = jdbc.queryForMap("select count(" + column + ") as n, percentile_cont(0.5) within group (order by "
        + column + ") as median, percentile_cont(0.9) within group (order by " + column + ") as p90 from nrm_stat_case c where "
        + where, values);
    long n = number(row.get("n"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("median" + unit, n < k ? null : round(row.get("median")));
    answer.put("p90" + unit, n < k ? null : round(row.get("p90")));
    answer.put("n", n > 0 && n < k ? null : n);
    if (n > 0 && n < k) {
      answer.put("suppressed", true);
    }
    return answer;
  }

  private Object median(String column, String where, Object[] values, int k) {
    Map<String, Object> row = jdbc.queryForMap("select count(" + column + ") as n, percentile_cont(0.5) within group (order by "
        + column + ") as median from nrm_stat_case c where " + where, values);
    return number(row.get("n")) < k ? null : round(row.get("median"));
  }

  /** The share of the cases that meet a condition, of those the filter takes; null under k cases either way. */
  private Map<String, Object> share(String condition, String where, Object[] values, int k) {
    Map<String, Object> row = jdbc.queryForMap("select count(*) as n, sum(case when " + condition + " then 1 else 0 end) as met"
        + " from nrm_stat_case c where " + where, values);
    long n = number(row.get("n"));
    long met = number(row.get("met"));
    List<Cell> cells = new ArrayList<>(List.of(new Cell(List.of("met"), met), new Cell(List.of("not"), n - met)));
    Suppression.applyAdditive(cells, 1, k);
    Map<String, Object> answer = new LinkedHashMap<>();
    boolean suppressed = cells.get(0).suppressed() || n > 0 && n < k;
    answer.put("cases", n > 0 && n < k ? null : n);
    answer.put("met", suppressed ? null : met);
    answer.put("share", suppressed || n == 0 ? null : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_UP));
    if (suppressed) {
      answer.put("suppressed", true);
    }
    return answer;
  }

  private static Object[] concat(Object[]... parts) {
    List<Object> all = new ArrayList<>();
    for (Object[] part : parts) {
      all.addAll(List.of(part));
    }
    return all.toArray();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static BigDecimal round(Object value) {
    return value == null ? null : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
  }

  /** {@code not-delivered} as a JSON key: {@code notDelivered}. */
  private static String camel(String code) {
    StringBuilder key = new StringBuilder();
    boolean upper = false;
    for (char character : code.toCharArray()) {
      if (character == '-' || character == '_') {
        upper = true;
      } else {
        key.append(upper ? Character.toUpperCase(character) : character);
        upper = false;
      }
    }
    return key.toString();
  }
}
