package org.nrm.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.nrm.benchmark.IntakeGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics store of many generated cases, for the statistics benchmark: each case a
 * generated intake ({@link IntakeGenerator}) with generated decisions and course, detected over
 * three years, turned into its record by the product's own {@link CaseStatistics} and written by
 * its own stores; per case up to four referrals and, for some, a return. The engine's cases are
 * not created (the statistics never read them): the store is what the statistics' queries read.
 */
public final class StatisticsFixture {

  private static final List<String> INSTITUTIONS = List.of("shelter", "health", "legal-aid", "child-protection", "migration",
      "social-welfare", "labour", "prosecution", "iom", "foreign-affairs");
  private static final List<String> STAGES = List.of("screening", "identification", "care-plan", "legal-tracks", "durable-solution",
      "repatriation", "follow-up", "closing");
  private static final ZoneId ZONE = ZoneId.of("America/Costa_Rica");

  private StatisticsFixture() {}

  /** Writes {@code cases} cases' records, in transactions of a thousand cases. */
  public static void fill(DataSource dataSource, int cases, long seed, Instant now) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    CaseStatisticsStore store = new CaseStatisticsStore(jdbc);
    CourseStatisticsStore course = new CourseStatisticsStore(jdbc);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    IntakeGenerator generator = new IntakeGenerator(seed, Map.of("CR", 70, "GT", 30));
    Random random = new Random(seed);
    for (int batch = 0; batch < cases; batch += 1000) {
      int size = Math.min(1000, cases - batch);
      transaction.executeWithoutResult(status -> {
        for (int i = 0; i < size; i++) {
          writeCase(store, course, generator, random, now);
        }
      });
    }
  }

  private static void writeCase(CaseStatisticsStore store, CourseStatisticsStore course, IntakeGenerator generator, Random random,
      Instant now) {
    Instant detected = now.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
    ObjectNode intake = generator.next(detected);
    Map<String, Object> variables = variables(intake, random);
    String caseId = UUID.randomUUID().toString();
    CaseStatistics record = CaseStatistics.of(variables, ZONE);
    Instant detectedAt = ((Date) variables.get("detectedAt")).toInstant();
    store.write(caseId, record, detectedAt.atZone(ZONE).toLocalDate().plusDays(random.nextInt(10)), detectedAt);
    course.stage(caseId, STAGES.get(random.nextInt(STAGES.size())));
    course.firstAssistance(caseId, detectedAt, detectedAt.plus(Duration.ofMinutes(30 + random.nextInt(72 * 60))));
    if (Boolean.TRUE.equals(variables.get("treatAsChild"))) {
      course.childProtectionNotified(caseId, detectedAt, detectedAt.plus(Duration.ofMinutes(60 + random.nextInt(48 * 60))));
    }
    if (!"pending".equals(record.identification())) {
      course.identificationTook(caseId, random.nextInt(12), 7);
    }
    if (random.nextInt(10) == 0) {
      course.escalation("nrm_stat_case", "process_instance_id", caseId, false);
    }
    for (int referral = random.nextInt(5); referral > 0; referral--) {
      String referralId = UUID.randomUUID().toString();
      Instant referred = detectedAt.plus(Duration.ofHours(2 + random.nextInt(200)));
      course.referred(referralId, caseId, INSTITUTIONS.get(random.nextInt(INSTITUTIONS.size())), referred);
      int step = random.nextInt(6);
      if (step > 0) {
        course.answered(referralId, step == 1 ? "declined" : "accepted", referred.plus(Duration.ofMinutes(10 + random.nextInt(96 * 60))));
      }
      if (step > 2) {
        course.referralState(referralId, step == 3 ? "not-delivered" : "delivered", null, referred.plus(Duration.ofDays(5)));
        course.referralClosed(referralId, referred.plus(Duration.ofDays(5)).atZone(ZONE).toLocalDate());
      }
      if (random.nextInt(8) == 0) {
        course.referralOverdue(referralId);
      }
    }
    if (random.nextInt(25) == 0) {
      String returnId = UUID.randomUUID().toString();
      course.returnStarted(returnId, caseId, detectedAt.atZone(ZONE).toLocalDate().plusDays(30), detectedAt);
      int outcome = random.nextInt(3);
      if (outcome > 0) {
        course.returnState(returnId, outcome == 1 ? "blocked" : "returned", outcome == 1 ? "return-risk" : null,
            outcome == 2 ? (random.nextBoolean() ? "reintegrated" : "failed") : null, detectedAt);
      }
    }
  }

  /** The case's variables as the engine would hold them after its intake and some of its decisions. */
  private static Map<String, Object> variables(ObjectNode intake, Random random) {
    Map<String, Object> variables = new HashMap<>();
    intake.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      if (field.getKey().equals("detectedAt")) {
        variables.put("detectedAt", Date.from(OffsetDateTime.parse(value.asText()).toInstant()));
      } else if (value.isObject() || value.isArray()) {
        variables.put(field.getKey(), value);
      } else if (value.isBoolean()) {
        variables.put(field.getKey(), value.asBoolean());
      } else if (value.isInt()) {
        variables.put(field.getKey(), value.asInt());
      } else {
        variables.put(field.getKey(), value.asText());
      }
    });
    Integer age = (Integer) variables.get("ageYears");
    variables.put("treatAsChild", age != null ? age < 18 : Boolean.TRUE.equals(variables.get("possiblyMinor")));
    variables.put("classification", List.of("presumed-trafficking-victim", "presumed-trafficking-victim", "smuggled-migrant-in-need",
        "other-vulnerable-person", "insufficient-information").get(random.nextInt(5)));
    variables.put("riskLevel", List.of("low", "medium", "high", "critical").get(random.nextInt(4)));
    variables.put("iccsCode", List.of("02041", "02042", "02043", "02044", "0204").get(random.nextInt(5)));
    int decided = random.nextInt(20);
    if (decided < 15) {
      variables.put("identificationDecision", decided < 12 ? "identified" : "not-identified");
    }
    variables.put("complaintRegistered", random.nextInt(3) == 0);
    if (random.nextInt(4) == 0) {
      variables.put("protectionMeasures", List.of("police-protection"));
    }
    if (random.nextInt(5) == 0) {
      variables.put("regularisationStatus", List.of("procedure-started", "residence-granted", "not-wanted").get(random.nextInt(3)));
    }
    if (random.nextInt(3) == 0) {
      variables.put("durableSolution", List.of("local-integration", "third-country", "repatriation").get(random.nextInt(3)));
    }
    return variables;
  }
}
