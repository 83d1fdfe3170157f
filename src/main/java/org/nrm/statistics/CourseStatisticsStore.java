package org.nrm.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statistics of a case's course, in the engine's transaction: the case's durations, stage and
 * escalations, and one record per referral and per return. A record whose case has no record (a
 * case of an earlier version, before its backfill) is not written rather than failing the event.
 */
@Component
class CourseStatisticsStore {

  private static final String CASE_EXISTS = " where exists (select 1 from nrm_stat_case where process_instance_id = ?)";

  private final JdbcTemplate jdbc;

  CourseStatisticsStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void stage(String caseId, String stage) {
    jdbc.update("update nrm_stat_case set stage = ? where process_instance_id = ?", stage, caseId);
  }

  void firstAssistance(String caseId, Instant detectedAt, Instant now) {
    jdbc.update("update nrm_stat_case set first_assistance_hours = coalesce(first_assistance_hours, ?) where process_instance_id = ?",
        hours(detectedAt, now), caseId);
  }

  void childProtectionNotified(String caseId, Instant detectedAt, Instant now) {
    jdbc.update("update nrm_stat_case set child_protection_hours = coalesce(child_protection_hours, ?) where process_instance_id = ?",
        hours(detectedAt, now), caseId);
  }

  void identificationTook(String caseId, int workingDays, Integer deadlineWorkingDays) {
    jdbc.update("update nrm_stat_case set identification_working_days = coalesce(identification_working_days, ?),"
        + " identification_deadline_days = coalesce(identification_deadline_days, ?) where process_instance_id = ?",
        workingDays, deadlineWorkingDays, caseId);
  }

  /** An escalation to coordination raised ({@code resolved} false) or resolved, on the record of its process. */
  void escalation(String table, String idColumn, String id, boolean resolved) {
    String column = resolved ? "escalations_resolved" : "escalations_raised";
    jdbc.update("update " + table + " set " + column + " = " + column + " + 1 where " + idColumn + " = ?", id);
  }

  void referred(String referralId, String caseId, String institution, Instant now) {
    jdbc.update("insert into nrm_stat_referral (referral_id, case_id, institution, state, referred_at, updated_at)"
        + " select ?, ?, ?, 'pending', ?, ?" + CASE_EXISTS, referralId, caseId, institution, Timestamp.from(now), Timestamp.from(now),
        caseId);
  }

  /** The referral's answer; the hours to the first answer are kept. */
  void answered(String referralId, String state, Instant now) {
    jdbc.update("update nrm_stat_referral set state = ?, updated_at = ?, times_declined = times_declined + ? where referral_id = ?",
        state, Timestamp.from(now), "declined".equals(state) ? 1 : 0, referralId);
    Instant referredAt = referredAt(referralId);
    if (referredAt != null) {
      jdbc.update("update nrm_stat_referral set hours_to_answer = ? where referral_id = ? and hours_to_answer is null",
          hours(referredAt, now), referralId);
    }
  }

  void referralState(String referralId, String state, String institution, Instant now) {
    jdbc.update("update nrm_stat_referral set state = ?, institution = coalesce(?, institution), updated_at = ? where referral_id = ?",
        state, institution, Timestamp.from(now), referralId);
  }

  void referralOverdue(String referralId) {
    jdbc.update("update nrm_stat_referral set overdue = true where referral_id = ?", referralId);
  }

  void referralClosed(String referralId, LocalDate today) {
    jdbc.update("update nrm_stat_referral set closed_on = ? where referral_id = ?", Date.valueOf(today), referralId);
  }

  void returnStarted(String returnId, String caseId, LocalDate today, Instant now) {
    jdbc.update("insert into nrm_stat_return (return_id, case_id, state, started_on, updated_at) select ?, ?, 'in-progress', ?, ?"
        + CASE_EXISTS, returnId, caseId, Date.valueOf(today), Timestamp.from(now), caseId);
  }

  void returnState(String returnId, String state, String blockedReason, String reintegrationOutcome, Instant now) {
    jdbc.update("update nrm_stat_return set state = ?, blocked_reason = coalesce(?, blocked_reason),"
        + " reintegration_outcome = coalesce(?, reintegration_outcome), updated_at = ? where return_id = ?",
        state, blockedReason, reintegrationOutcome, Timestamp.from(now), returnId);
  }

  void returnClosed(String returnId, LocalDate today) {
    jdbc.update("update nrm_stat_return set closed_on = ? where return_id = ?", Date.valueOf(today), returnId);
  }

  private Instant referredAt(String referralId) {
    return jdbc.query("select referred_at from nrm_stat_referral where referral_id = ?",
        rows -> rows.next() ? rows.getTimestamp(1).toInstant() : null, referralId);
  }

  private static BigDecimal hours(Instant from, Instant to) {
    if (from == null || to.isBefore(from)) {
      return null;
    }
    return BigDecimal.valueOf(Duration.between(from, to).toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
  }
}
