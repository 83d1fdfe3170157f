package org.nrm.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the statistics records, in the caller's transaction: the engine's, for an event of the
 * case, so that a record and its case never disagree. The first write of a case inserts its
 * record (the intake, in one transaction); every later event rewrites it under its row lock.
 */
@Component
class CaseStatisticsStore {

  private static final List<String> COLUMNS = List.of("jurisdiction", "detected_on", "detection_channel", "detection_region", "sex",
      "age_group", "victim_group", "nationality", "indigenous", "migration_status", "classification", "treated_as_child", "risk_level",
      "iccs_code", "identification", "complaint_filed", "protection_measures", "regularisation", "durable_solution", "case_outcome",
      "updated_at");
  private static final String UPDATE = "update nrm_stat_case set "
      + COLUMNS.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
      + ", identified_on = coalesce(identified_on, ?) where process_instance_id = ?";
  private static final String INSERT = "insert into nrm_stat_case (" + String.join(", ", COLUMNS) + ", identified_on,"
      + " process_instance_id) values (" + "?, ".repeat(COLUMNS.size() + 1) + "?)";

  private final JdbcTemplate jdbc;

  CaseStatisticsStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's record as its variables say now; the day of the first identification decision is kept. */
  void write(String processInstanceId, CaseStatistics record, LocalDate today, Instant now) {
    if (record.detectedOn() == null) {
      return;
    }
    Object[] values = {record.jurisdiction(), Date.valueOf(record.detectedOn()), record.detectionChannel(), record.detectionRegion(),
        record.sex(), record.ageGroup(), record.victimGroup(), record.nationality(), record.indigenous(), record.migrationStatus(),
        record.classification(), record.treatedAsChild(), record.riskLevel(), record.iccsCode(), record.identification(),
        record.complaintFiled(), record.protectionMeasures(), record.regularisation(), record.durableSolution(),
        record.caseOutcome(), Timestamp.from(now),
        CaseStatistics.PENDING.equals(record.identification()) ? null : Date.valueOf(today), processInstanceId};
    if (jdbc.update(UPDATE, values) == 0) {
      jdbc.update(INSERT, values);
    }
    jdbc.update("delete from nrm_stat_case_purpose where process_instance_id = ?", processInstanceId);
    for (String purpose : record.purposes()) {
      jdbc.update("insert into nrm_stat_case_purpose (process_instance_id, purpose) values (?, ?)", processInstanceId, purpose);
    }
  }

  /**
   * The record of a case that has none (a case of an earlier version); a case that has one keeps
   * it, since its own events wrote it from fresher variables. Returns whether it was written.
   */
  boolean writeIfAbsent(String processInstanceId, CaseStatistics record, LocalDate identifiedOn, LocalDate closedOn, Instant now) {
    if (record.detectedOn() == null || jdbc.queryForObject("select count(*) from nrm_stat_case where process_instance_id = ?",
        Integer.class, processInstanceId) > 0) {
      return false;
    }
    write(processInstanceId, record, identifiedOn, now);
    if (closedOn != null) {
      close(processInstanceId, closedOn);
    }
    return true;
  }

  void close(String processInstanceId, LocalDate today) {
    jdbc.update("update nrm_stat_case set closed_on = ?, stage = 'closed' where process_instance_id = ?", Date.valueOf(today),
        processInstanceId);
  }
}
