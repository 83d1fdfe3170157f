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
 * and the tasks overdue now. From the statistics store (one pass over each of its tables), but for
 * the tasks overdue now, which are the engine's open tasks. Every group of counts is suppressed
 * like a breakdown (a count from 1 to k - 1 never shown, nor one that the group's sum would give
 * away), and a median or share of fewer than k cases is not shown.
 */
@Component
public class Indicators {

  private static final List<String> REFERRAL_STATES = List.of("pending", "accepted", "declined", "delivered", "not-delivered",
      "refused");
  private static final String CHILD = "(c.treated_as_child or c.victim_group in ('girl', 'boy'))";
  private static final String CASES = "select count(*) as cases,"
      + " count(*) filter (where c.identification = 'identified') as identified,"
      + " count(*) filter (where c.identification = 'not-identified') as not_identified,"
      + " count(*) filter (where c.identification = 'pending') as pending,"
      + " count(c.first_assistance_hours) as assisted,"
      + " percentile_cont(0.5) within group (order by c.first_assistance_hours) as assistance_median,"
      + " percentile_cont(0.9) within group (order by c.first_assistance_hours) as assistance_p90,"
      + " count(c.identification_working_days) as decided,"
      + " percentile_cont(0.5) within group (order by c.identification_working_days) as decision_median,"
      + " percentile_cont(0.9) within group (order by c.identification_working_days) as decision_p90,"
      + " percentile_cont(0.5) within group (order by c.identification_deadline_days) as deadline_median,"
      + " count(*) filter (where c.identification_deadline_days is not null) as with_deadline,"
      + " count(*) filter (where c.identification_working_days <= c.identification_deadline_days) as within_deadline,"
      + " count(*) filter (where c.complaint_filed) as complaints,"
      + " count(*) filter (where c.protection_measures) as protection,"
      + " count(*) filter (where c.regularisation in ('procedure-started', 'residence-granted')) as regularisations,"
      + " count(*) filter (where " + CHILD + ") as children,"
      + " count(*) filter (where " + CHILD + " and c.child_protection_hours <= 24) as children_notified,"
      + " coalesce(sum(c.escalations_raised), 0) as raised, coalesce(sum(c.escalations_resolved), 0) as resolved"
      + " from nrm_stat_case c where ";

  private final JdbcTemplate jdbc;
  private final StatisticsProperties properties;

  Indicators(JdbcTemplate jdbc, StatisticsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> of(StatisticsRequest request, Instant now) {
    int k = properties.minimumCellOf(request.jurisdictions());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jurisdictions", request.jurisdictions());
    answer.put("from", request.from() == null ? null : request.from().toString());
    answer.put("to", request.to() == null ? null : request.to().toString());
    answer.put("minimumCell", k);

    List<Object> parameters = new ArrayList<>();
    Map<String, Object> cases = jdbc.queryForMap(CASES + StoreFilter.where(request, parameters), parameters.toArray());
    answer.put("firstAssistance", distribution(cases, "assisted", "assistance", "Hours", k));
    Map<String, Object> identification = group(List.of(row("identified", cases.get("identified")),
        row("notIdentified", cases.get("not_identified")), row("pending", cases.get("pending"))), k);
    identification.putAll(distribution(cases, "decided", "decision", "WorkingDays", k));
    identification.put("medianDeadlineWorkingDays", number(cases.get("with_deadline")) < k ? null : round(cases.get("deadline_median")));
    identification.put("decidedWithinDeadline", share(number(cases.get("within_deadline")), number(cases.get("with_deadline")), k));
    answer.put("identification", identification);
    Referrals referrals = referrals(request, k);
    answer.put("referrals", referrals.institutions());
    answer.put("legal", group(List.of(row("complaintsFiled", cases.get("complaints")), row("protectionMeasures",
        cases.get("protection")), row("regularisationsStarted", cases.get("regularisations"))), k));

    Map<String, Long> solutions = new TreeMap<>();
    Map<String, Long> stages = new TreeMap<>();
    parameters.clear();
    jdbc.query("select c.durable_solution, c.stage, c.closed_on is null as open, count(*) from nrm_stat_case c where "
        + StoreFilter.where(request, parameters) + " group by c.durable_solution, c.stage, c.closed_on is null", rows -> {
          if (rows.getString(1) != null) {
            solutions.merge(rows.getString(1), rows.getLong(4), Long::sum);
          }
          if (rows.getBoolean(3)) {
            stages.merge(rows.getString(2), rows.getLong(4), Long::sum);
          }
        }, parameters.toArray());
    answer.put("durableSolutions", group(rows(solutions), k));
    Returns returns = returns(request, k);
    answer.put("escalations", group(List.of(
        row("raised", number(cases.get("raised")) + referrals.escalationsRaised() + returns.escalationsRaised()),
        row("resolved", number(cases.get("resolved")) + referrals.escalationsResolved() + returns.escalationsResolved())), k));
    answer.put("returns", returns.figures());
    answer.put("childrenNotifiedWithin24Hours", share(number(cases.get("children_notified")), number(cases.get("children")), k));
    answer.put("openCasesByStage", group(rows(stages), k));
    answer.put("overdueTasks", overdueTasks(request, now, k));
    return answer;
  }

  /** The referrals' figures by institution, and their escalations for the total of all escalations. */
  private record Referrals(List<Map<String, Object>> institutions, long escalationsRaised, long escalationsResolved) {}

  /** The returns' figures, and their escalations. */
  private record Returns(Map<String, Object> figures, long escalationsRaised, long escalationsResolved) {}

  /** The referrals by institution and state, suppressed as a table institution × state. */
  private Referrals referrals(StatisticsRequest request, int k) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder states = new StringBuilder();
    for (int state = 0; state < REFERRAL_STATES.size(); state++) {
      states.append(" count(*) filter (where r.state = '").append(REFERRAL_STATES.get(state)).append("') as state_").append(state)
          .append(',');
    }
    List<Map<String, Object>> rows = jdbc.queryForList("select r.institution," + states
        + " count(*) filter (where r.overdue and r.closed_on is null) as overdue, count(r.hours_to_answer) as answered,"
        + " percentile_cont(0.5) within group (order by r.hours_to_answer) as median,"
        + " coalesce(sum(r.escalations_raised), 0) as raised, coalesce(sum(r.escalations_resolved), 0) as resolved"
        + " from nrm_stat_referral r where " + StoreFilter.where(request, parameters, "r") + " group by r.institution"
        + " order by r.institution", parameters.toArray());
    List<Cell> cells = new ArrayList<>();
    List<Cell> overdue = new ArrayList<>();
    long raised = 0;
    long resolved = 0;
    for (Map<String, Object> row : rows) {
      String institution = row.get("institution").toString();
      for (int state = 0; state < REFERRAL_STATES.size(); state++) {
        cells.add(new Cell(List.of(institution, REFERRAL_STATES.get(state)), number(row.get("state_" + state))));
      }
      overdue.add(new Cell(List.of(institution), number(row.get("overdue"))));
      raised += number(row.get("raised"));
      resolved += number(row.get("resolved"));
    }
    Suppression.applyAdditive(cells, 2, k);
    Suppression.applyAdditive(overdue, 1, k);
    List<Map<String, Object>> institutions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String institution = row.get("institution").toString();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("institution", institution);
      entry.put("label", Institution.byId(institution).map(Institution::spanishName).orElse(institution));
      boolean suppressed = false;
      for (Cell cell : cells.subList(i * REFERRAL_STATES.size(), (i + 1) * REFERRAL_STATES.size())) {
        entry.put(camel(cell.codes().get(1)), cell.shownCount());
        suppressed |= cell.suppressed();
      }
      entry.put("overdue", overdue.get(i).shownCount());
      entry.put("medianHoursToAnswer", number(row.get("answered")) < k ? null : round(row.get("median")));
      if (suppressed || overdue.get(i).suppressed()) {
        entry.put("suppressed", true);
      }
      institutions.add(entry);
    }
    return new Referrals(institutions, raised, resolved);
  }

  private Returns returns(StatisticsRequest request, int k) {
    List<Object> parameters = new ArrayList<>();
    Map<String, Long> states = new TreeMap<>();
    Map<String, Long> reasons = new TreeMap<>();
    Map<String, Long> outcomes = new TreeMap<>();
    long[] escalations = new long[2];
    jdbc.query("select t.state, t.blocked_reason, t.reintegration_outcome, count(*), coalesce(sum(t.escalations_raised), 0),"
        + " coalesce(sum(t.escalations_resolved), 0) from nrm_stat_return t where " + StoreFilter.where(request, parameters, "t")
        + " group by t.state, t.blocked_reason, t.reintegration_outcome", rows -> {
          long count = rows.getLong(4);
          states.merge(rows.getString(1), count, Long::sum);
          if ("blocked".equals(rows.getString(1)) && rows.getString(2) != null) {
            reasons.merge(rows.getString(2), count, Long::sum);
          }
          if (rows.getString(3) != null) {
            outcomes.merge(rows.getString(3), count, Long::sum);
          }
          escalations[0] += rows.getLong(5);
          escalations[1] += rows.getLong(6);
        }, parameters.toArray());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("byState", group(rows(states), k));
    answer.put("blockedByReason", group(rows(reasons), k));
    answer.put("reintegrationOutcomes", group(rows(outcomes), k));
    return new Returns(answer, escalations[0], escalations[1]);
  }

  /** The open tasks past their due date now, by the institution whose task it is, in the request's jurisdictions. */
  private List<Map<String, Object>> overdueTasks(StatisticsRequest request, Instant now, int k) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(Timestamp.from(now));
    parameters.addAll(request.jurisdictions());
    List<Cell> cells = new ArrayList<>(jdbc.query("select i.GROUP_ID_, count(distinct t.ID_) from ACT_RU_TASK t"
        + " join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null"
        + " where t.DUE_DATE_ < ? and t.TENANT_ID_ in (" + String.join(", ", Collections.nCopies(request.jurisdictions().size(), "?"))
        + ") group by i.GROUP_ID_", (row, number) -> new Cell(List.of(row.getString(1)), row.getLong(2)), parameters.toArray()));
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

  /** A group of counts, suppressed together as a table of one dimension whose sum is known. */
  private static Map<String, Object> group(List<Map.Entry<String, Long>> counts, int k) {
    List<Cell> cells = new ArrayList<>();
    counts.forEach(count -> cells.add(new Cell(List.of(count.getKey()), count.getValue())));
    Suppression.applyAdditive(cells, 1, k);
    Map<String, Object> answer = new LinkedHashMap<>();
    boolean suppressed = false;
    for (Cell cell : cells) {
      answer.put(camel(cell.codes().get(0)), cell.shownCount());
      suppressed |= cell.suppressed();
    }
    if (suppressed) {
      answer.put("suppressed", true);
    }
    return answer;
  }

  /** Median and p90 of a measure ({@code prefix_median}, {@code prefix_p90}) over n cases, shown from k cases on. */
  private static Map<String, Object> distribution(Map<String, Object> cases, String counted, String prefix, String unit, int k) {
    long n = number(cases.get(counted));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("median" + unit, n < k ? null : round(cases.get(prefix + "_median")));
    answer.put("p90" + unit, n < k ? null : round(cases.get(prefix + "_p90")));
    answer.put("n", n > 0 && n < k ? null : n);
    if (n > 0 && n < k) {
      answer.put("suppressed", true);
    }
    return answer;
  }

  /** The share of n cases that meet a condition; neither count shown when either part is below k. */
  private static Map<String, Object> share(long met, long n, int k) {
    List<Cell> cells = new ArrayList<>(List.of(new Cell(List.of("met"), met), new Cell(List.of("not"), n - met)));
    Suppression.applyAdditive(cells, 1, k);
    boolean suppressed = cells.get(0).suppressed() || n > 0 && n < k;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("cases", n > 0 && n < k ? null : n);
    answer.put("met", suppressed ? null : met);
    answer.put("share", suppressed || n == 0 ? null : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_UP));
    if (suppressed) {
      answer.put("suppressed", true);
    }
    return answer;
  }

  private static Map.Entry<String, Long> row(String code, Object count) {
    return Map.entry(code, number(count));
  }

  private static List<Map.Entry<String, Long>> rows(Map<String, Long> counts) {
    return new ArrayList<>(counts.entrySet());
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
