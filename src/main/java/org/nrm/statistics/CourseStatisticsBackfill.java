package org.nrm.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nrm.deadlines.WorkingDays;
import org.nrm.institutions.MechanismProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The course of the cases opened before the statistics store kept it, from the engine's history,
 * after their case records are backfilled: each referral and each return of such a case gets its
 * record (its institution or outcome, first answer, declines, deadline, escalations, closure), and
 * its case its stage, first assistance and escalations. Records the events wrote are kept.
 */
@Component
class CourseStatisticsBackfill {

  private static final int BATCH = 200;

  private final JdbcTemplate jdbc;
  private final CourseStatisticsStore store;
  private final MechanismProperties mechanism;
  private final TransactionTemplate transaction;

  CourseStatisticsBackfill(JdbcTemplate jdbc, CourseStatisticsStore store, MechanismProperties mechanism,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.store = store;
    this.mechanism = mechanism;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Every referral and return of a recorded case without its own record gets one, and each case its course; returns how many. */
  int run() {
    return cases() + called("nrm_stat_referral", "referral_id", CourseStatisticsPlugin.REFERRAL_PROCESS, this::referral)
        + called("nrm_stat_return", "return_id", CourseStatisticsPlugin.RETURN_PROCESS, this::ofReturn);
  }

  /** Recorded cases whose screening was reviewed before the store kept their course. */
  private int cases() {
    int written = 0;
    String after = "";
    for (List<String> batch = casesWithoutCourse(after); !batch.isEmpty(); batch = casesWithoutCourse(after)) {
      for (String caseId : batch) {
        written += write(() -> course(caseId)) ? 1 : 0;
      }
      after = batch.get(batch.size() - 1);
    }
    return written;
  }

  private List<String> casesWithoutCourse(String after) {
    return jdbc.queryForList("select c.process_instance_id from nrm_stat_case c where c.process_instance_id > ?"
        + " and c.first_assistance_hours is null and exists (select 1 from ACT_HI_ACTINST a where a.PROC_INST_ID_ ="
        + " c.process_instance_id and a.ACT_ID_ = 'UserTask_ReviewScreening' and a.END_TIME_ is not null)"
        + " order by c.process_instance_id limit " + BATCH, String.class, after);
  }

  private void course(String caseId) {
    Instant detectedAt = jdbc.query("select LONG_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'detectedAt'"
        + " and EXECUTION_ID_ = PROC_INST_ID_", rows -> rows.next() && rows.getObject(1) != null
            ? Instant.ofEpochMilli(rows.getLong(1)) : null, caseId);
    Instant reviewed = firstEnd(caseId, "UserTask_ReviewScreening");
    if (detectedAt != null && reviewed != null) {
      store.firstAssistance(caseId, detectedAt, reviewed);
    }
    String jurisdiction = jdbc.queryForObject("select jurisdiction from nrm_stat_case where process_instance_id = ?", String.class,
        caseId);
    ZoneId zone = mechanism.timeZoneOf(jurisdiction);
    jdbc.query("select START_TIME_, DUE_DATE_, END_TIME_ from ACT_HI_TASKINST where PROC_INST_ID_ = ? and TASK_DEF_KEY_ ="
        + " 'UserTask_DecideIdentification' and END_TIME_ is not null order by END_TIME_", rows -> {
          if (rows.isFirst()) {
            LocalDate created = rows.getTimestamp(1).toInstant().atZone(zone).toLocalDate();
            Integer deadline = rows.getTimestamp(2) == null ? null
                : WorkingDays.between(created, rows.getTimestamp(2).toInstant().atZone(zone).toLocalDate());
            store.identificationTook(caseId, WorkingDays.between(created,
                rows.getTimestamp(3).toInstant().atZone(zone).toLocalDate()), deadline);
          }
        }, caseId);
    List<String> started = jdbc.queryForList("select ACT_ID_ from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_ID_ in ("
        + String.join(", ", Collections.nCopies(CourseStatisticsPlugin.STAGES.size(), "?")) + ") order by START_TIME_ desc",
        String.class, concat(caseId, CourseStatisticsPlugin.STAGES.keySet()));
    boolean open = jdbc.queryForObject("select count(*) from nrm_stat_case where process_instance_id = ? and closed_on is null",
        Integer.class, caseId) > 0;
    if (open && !started.isEmpty()) {
      store.stage(caseId, CourseStatisticsPlugin.STAGES.get(started.get(0)));
    }
    escalations("nrm_stat_case", "process_instance_id", caseId);
  }

  private static Object[] concat(String first, Collection<String> rest) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all.toArray();
  }

  /** Writes the record of every instance of a process called by a recorded case that has none, a batch at a time. */
  private int called(String table, String idColumn, String processKey, Consumer<Map<String, Object>> record) {
    int written = 0;
    String after = "";
    for (List<Map<String, Object>> batch = without(table, idColumn, processKey, after); !batch.isEmpty();
        batch = without(table, idColumn, processKey, after)) {
      for (Map<String, Object> instance : batch) {
        written += write(() -> record.accept(instance)) ? 1 : 0;
      }
      after = batch.get(batch.size() - 1).get("id").toString();
    }
    return written;
  }

  /** Instances of a process called by a recorded case, without a record of their own. */
  private List<Map<String, Object>> without(String table, String idColumn, String processKey, String after) {
    return jdbc.queryForList("select p.ID_ as id, p.SUPER_PROCESS_INSTANCE_ID_ as case_id, p.START_TIME_ as started,"
        + " p.END_TIME_ as ended, p.END_ACT_ID_ as end_activity, c.jurisdiction from ACT_HI_PROCINST p join nrm_stat_case c"
        + " on c.process_instance_id = p.SUPER_PROCESS_INSTANCE_ID_ where p.PROC_DEF_KEY_ = ? and p.ID_ > ? and not exists"
        + " (select 1 from " + table + " s where s." + idColumn + " = p.ID_) order by p.ID_ limit " + BATCH, processKey, after);
  }

  private void referral(Map<String, Object> instance) {
    String id = instance.get("id").toString();
    String institution = text(id, "institution");
    if (institution == null) {
      return;
    }
    store.referred(id, instance.get("case_id").toString(), institution, instant(instance.get("started")));
    Instant answered = firstEnd(id, "UserTask_DecideOnReferral");
    if (answered != null) {
      store.answered(id, "accepted", answered);
    }
    String state = text(id, "referralState");
    store.referralState(id, state == null ? "pending" : state, null, Instant.now());
    jdbc.update("update nrm_stat_referral set times_declined = ?, overdue = ? where referral_id = ?",
        count(id, "UserTask_ChooseAnotherProvider"), count(id, "BoundaryEvent_%Overdue") > 0, id);
    escalations("nrm_stat_referral", "referral_id", id);
    closed(instance, () -> store.referralClosed(id, day(instance.get("ended"), instance)));
  }

  private void ofReturn(Map<String, Object> instance) {
    String id = instance.get("id").toString();
    Instant started = instant(instance.get("started"));
    store.returnStarted(id, instance.get("case_id").toString(), started.atZone(zone(instance)).toLocalDate(), started);
    Object end = instance.get("end_activity");
    String outcome = text(id, "reintegrationOutcome");
    if (end != null && CourseStatisticsPlugin.RETURN_ENDS.containsKey(end.toString())) {
      store.returnState(id, "blocked", CourseStatisticsPlugin.RETURN_ENDS.get(end.toString()), null, Instant.now());
    } else if (end != null && CourseStatisticsPlugin.RETURNED_ENDS.contains(end.toString())) {
      store.returnState(id, "returned", null, outcome != null && CourseStatisticsPlugin.REINTEGRATION_OUTCOMES.contains(outcome) ? outcome : null, Instant.now());
    }
    escalations("nrm_stat_return", "return_id", id);
    closed(instance, () -> store.returnClosed(id, day(instance.get("ended"), instance)));
  }

  private void escalations(String table, String idColumn, String id) {
    jdbc.update("update " + table + " set escalations_raised = ?, escalations_resolved = ? where " + idColumn + " = ?",
        count(id, "UserTask_Escalate%"), jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_ID_"
            + " like 'UserTask_Escalate%' and END_TIME_ is not null and coalesce(ACT_INST_STATE_, 0) <> 2", Integer.class, id), id);
  }

  private boolean write(Runnable record) {
    try {
      transaction.executeWithoutResult(status -> record.run());
      return true;
    } catch (DuplicateKeyException writtenByAnotherNode) {
      return false;
    }
  }

  private String text(String processInstanceId, String variable) {
    return jdbc.query("select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = ? and TEXT_ is not null"
        + " order by CREATE_TIME_ desc", rows -> rows.next() ? rows.getString(1) : null, processInstanceId, variable);
  }

  private Instant firstEnd(String processInstanceId, String activity) {
    return jdbc.query("select min(END_TIME_) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_ID_ = ?",
        rows -> rows.next() && rows.getTimestamp(1) != null ? rows.getTimestamp(1).toInstant() : null, processInstanceId, activity);
  }

  private int count(String processInstanceId, String activityPattern) {
    return jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ? and ACT_ID_ like ?", Integer.class,
        processInstanceId, activityPattern);
  }

  private static void closed(Map<String, Object> instance, Runnable close) {
    if (instance.get("ended") != null) {
      close.run();
    }
  }

  private LocalDate day(Object timestamp, Map<String, Object> instance) {
    return instant(timestamp).atZone(zone(instance)).toLocalDate();
  }

  private ZoneId zone(Map<String, Object> instance) {
    return mechanism.timeZoneOf(String.valueOf(instance.get("jurisdiction")));
  }

  private static Instant instant(Object timestamp) {
    return ((Timestamp) timestamp).toInstant();
  }
}
