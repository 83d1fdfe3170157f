package org.nrm.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The person's answers about each referral to a provider (for a child, child protection's decision
 * in the child's best interests, with its reason), and every share of the case with a provider.
 * Rows are added, never changed: a withdrawal is an answer of its own, after the one it withdraws.
 */
@Service
public class ReferralConsents {

  /** The decisions recorded. */
  public static final String GIVEN = "given";
  public static final String REFUSED = "refused";
  public static final String BEST_INTERESTS = "best-interests";
  public static final String NOT_IN_BEST_INTERESTS = "not-in-best-interests";
  public static final String WITHDRAWN = "withdrawn";

  /** One answer: to which referral and provider, what was agreed, in which language, who recorded it and when. */
  public record Consent(long id, String referralId, String caseId, String providerId, String decision, List<String> sharedFacts,
      String language, String reason, String recordedBy, Instant recordedAt) {}

  /** One share: what a provider's task showed of the case. */
  public record Share(String referralId, String providerId, String taskId, List<String> facts, Instant sharedAt) {}

  private final JdbcTemplate jdbc;

  ReferralConsents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String referralId, String caseId, String providerId, String decision, List<String> sharedFacts, String language,
      String reason, String by) {
    jdbc.update("insert into nrm_referral_consent (referral_id, case_id, provider_id, decision, shared_facts, language, reason,"
        + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", referralId, caseId, providerId, decision,
        String.join(",", sharedFacts), language, reason, by, Timestamp.from(Instant.now()));
  }

  void shared(String referralId, String caseId, String providerId, String taskId, List<String> facts) {
    jdbc.update("insert into nrm_provider_share (referral_id, case_id, provider_id, task_id, facts, shared_at)"
        + " values (?, ?, ?, ?, ?, ?)", referralId, caseId, providerId, taskId, String.join(",", facts), Timestamp.from(Instant.now()));
  }

  /** A case's answers, oldest first. */
  public List<Consent> ofCase(String caseId) {
    return jdbc.query("select * from nrm_referral_consent where case_id = ? order by consent_id", (row, number) -> new Consent(
        row.getLong("consent_id"), row.getString("referral_id"), row.getString("case_id"), row.getString("provider_id"),
        row.getString("decision"), ConsentFacts.parse(row.getString("shared_facts")), row.getString("language"),
        row.getString("reason"), row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant()), caseId);
  }

  /** The latest answer about a referral. */
  public Optional<Consent> latest(String caseId, String referralId) {
    List<Consent> answers = ofCase(caseId).stream().filter(consent -> consent.referralId().equals(referralId)).toList();
    return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
  }

  /** What providers' tasks showed of a case, oldest first. */
  public List<Share> sharesOf(String caseId) {
    return jdbc.query("select * from nrm_provider_share where case_id = ? order by share_id", (row, number) -> new Share(
        row.getString("referral_id"), row.getString("provider_id"), row.getString("task_id"),
        ConsentFacts.parse(row.getString("facts")), row.getTimestamp("shared_at").toInstant()), caseId);
  }
}
