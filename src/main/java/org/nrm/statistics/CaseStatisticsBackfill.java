package org.nrm.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.nrm.engine.BackgroundBackfill;
import org.nrm.institutions.MechanismProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cases opened before the statistics store existed get their record once after start, in the
 * background, from the engine's history (running and ended cases alike): the same record the
 * events write now, with the day of the identification decision and of the closure taken from
 * the history. A case that has a record keeps it; when two nodes backfill one case at once, the
 * second insert is refused by the key and that case is left to the first.
 */
@Component
class CaseStatisticsBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(CaseStatisticsBackfill.class);
  private static final int BATCH = 200;

  private final HistoryService history;
  private final CaseStatisticsStore store;
  private final MechanismProperties mechanism;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final String caseProcessKey;
  private final boolean onStart;
  private final CourseStatisticsBackfill course;

  CaseStatisticsBackfill(HistoryService history, CaseStatisticsStore store, MechanismProperties mechanism, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, @Value("${nrm.intake.process-key:NrmCaseProcess}") String caseProcessKey,
      @Value("${nrm.statistics.backfill-on-start:true}") boolean onStart, CourseStatisticsBackfill course) {
    this.history = history;
    this.store = store;
    this.mechanism = mechanism;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.caseProcessKey = caseProcessKey;
    this.onStart = onStart;
    this.course = course;
  }

  @EventListener(ApplicationReadyEvent.class)
  void startInTheBackground() {
    if (onStart) {
      BackgroundBackfill.start("case-statistics-backfill", () -> {
        int cases = run();
        int courses = course.run();
        LOG.info("{} referrals, returns and courses of cases of earlier versions got their statistics", courses);
        return cases;
      }, LOG, "{} cases of earlier versions got their statistics record");
    }
  }

  /** Every case without a record gets one; returns how many were written. */
  int run() {
    int written = 0;
    String after = "";
    for (List<String> batch = withoutRecord(after); !batch.isEmpty(); batch = withoutRecord(after)) {
      for (String processInstanceId : batch) {
        written += backfill(processInstanceId) ? 1 : 0;
      }
      after = batch.get(batch.size() - 1);
    }
    return written;
  }

  private List<String> withoutRecord(String after) {
    return jdbc.queryForList("select p.ID_ from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ = ? and p.ID_ > ? and p.SUPER_PROCESS_INSTANCE_ID_"
        + " is null and not exists (select 1 from nrm_stat_case s where s.process_instance_id = p.ID_) order by p.ID_ limit " + BATCH,
        String.class, caseProcessKey, after);
  }

  private boolean backfill(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).disableBinaryFetching().list().stream()
        // the case's own variables (its root scope is the process instance), not a task's or a sub-scope's
        .filter(variable -> variable.getTaskId() == null && processInstanceId.equals(variable.getActivityInstanceId()))
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    ZoneId zone = mechanism.timeZoneOf(String.valueOf(variables.get("jurisdiction")));
    CaseStatistics record = CaseStatistics.of(variables, zone);
    LocalDate identifiedOn = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("UserTask_DecideIdentification").finished().orderByHistoricTaskInstanceEndTime().asc().list().stream()
        .findFirst().map(HistoricTaskInstance::getEndTime).map(end -> end.toInstant().atZone(zone).toLocalDate()).orElse(null);
    LocalDate closedOn = instance.getEndTime() == null ? null : instance.getEndTime().toInstant().atZone(zone).toLocalDate();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    try {
      return Boolean.TRUE.equals(transaction.execute(status ->
          store.writeIfAbsent(processInstanceId, record, identifiedOn == null ? now.atZone(zone).toLocalDate() : identifiedOn, closedOn,
              now)));
    } catch (DuplicateKeyException writtenByAnotherNode) {
      return false;
    }
  }
}
