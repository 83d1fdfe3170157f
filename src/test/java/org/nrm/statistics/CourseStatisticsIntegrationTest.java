package org.nrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The course of a case reaches the statistics: its stage, first assistance and identification;
 * a record per referral with its institution, answer and delivery; and the indicators count them
 * (cases of March 2018, which no other test uses).
 */
@NrmIntegrationTest
class CourseStatisticsIntegrationTest {

  private static final String MARCH_2018 = CaseStatisticsIntegrationTest.INTAKE.replace("2026-11-20T22:30:00-06:00",
      "2018-03-14T09:00:00-06:00");

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseStatisticsBackfill caseBackfill;
  @Autowired CourseStatisticsBackfill courseBackfill;

  @Test
  void referralsAnswersAndDeliveriesAreCountedByInstitution() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    List<ProcessInstance> cases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ProcessInstance opened = driver.open(MARCH_2018, "police.cr");
      assertThat(record(opened)).containsEntry("stage", "screening");
      driver.reviewAndIdentify(opened, "identified");
      driver.agreeCarePlan(opened, "legal-aid");
      cases.add(opened);
    }
    ProcessInstance first = cases.get(0);
    Map<String, Object> record = record(first);
    assertThat(record.get("first_assistance_hours")).as("review done long after 2018's detection").isNotNull();
    assertThat(((Number) record.get("identification_working_days")).intValue()).isZero();
    assertThat(record.get("identification_deadline_days")).isNotNull();
    List<Map<String, Object>> referrals = jdbc.queryForList("select * from nrm_stat_referral where case_id = ? order by institution",
        first.getId());
    assertThat(referrals).extracting(row -> row.get("institution")).contains("legal-aid");
    assertThat(referrals).allSatisfy(row -> assertThat(row).containsEntry("state", "pending").containsEntry("overdue", false));

    for (ProcessInstance opened : cases) {
      driver.deliverEveryReferral(opened);
    }
    assertThat(jdbc.queryForList("select state from nrm_stat_referral where case_id = ?", String.class, first.getId()))
        .containsOnly("delivered");
    assertThat(jdbc.queryForObject("select hours_to_answer from nrm_stat_referral where case_id = ? and institution = 'legal-aid'",
        Number.class, first.getId())).isNotNull();

    ResponseEntityBody indicators = indicators("coordination.cr", "jurisdiction=CR&from=2018-03-01&to=2018-03-31");
    JsonNode legalAid = null;
    for (JsonNode institution : indicators.body().get("referrals")) {
      if (institution.get("institution").asText().equals("legal-aid")) {
        legalAid = institution;
      }
    }
    assertThat(legalAid).isNotNull();
    assertThat(legalAid.get("delivered").asInt()).isEqualTo(6);
    assertThat(legalAid.get("pending").isNumber() && legalAid.get("pending").asInt() == 0).as("a zero, shown").isTrue();
    assertThat(legalAid.get("label").asText()).isNotBlank();
    assertThat(indicators.body().at("/identification/identified").asInt()).isEqualTo(6);
    assertThat(indicators.body().at("/firstAssistance/n").asInt()).isEqualTo(6);
    assertThat(indicators.body().at("/firstAssistance/medianHours").isNumber()).isTrue();
    assertThat(indicators.body().at("/openCasesByStage").toString()).doesNotContain("screening");
  }

  @Test
  void theCourseOfACaseOfAnEarlierVersionIsBackfilledFromTheHistory() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance earlier = driver.open(MARCH_2018, "police.cr");
    driver.reviewAndIdentify(earlier, "identified");
    driver.agreeCarePlan(earlier, "legal-aid");
    driver.deliverEveryReferral(earlier);
    List<Map<String, Object>> written = jdbc.queryForList("select institution, state, times_declined, overdue, closed_on"
        + " from nrm_stat_referral where case_id = ? order by institution", earlier.getId());
    Map<String, Object> course = record(earlier);
    // as before the store kept the case and its course
    jdbc.update("delete from nrm_stat_case where process_instance_id = ?", earlier.getId());

    caseBackfill.run();
    courseBackfill.run();

    assertThat(jdbc.queryForList("select institution, state, times_declined, overdue, closed_on from nrm_stat_referral"
        + " where case_id = ? order by institution", earlier.getId())).isEqualTo(written);
    Map<String, Object> backfilled = record(earlier);
    for (String column : List.of("stage", "identification_working_days", "identification_deadline_days", "escalations_raised")) {
      assertThat(backfilled.get(column)).as(column).isEqualTo(course.get(column));
    }
    assertThat(backfilled.get("first_assistance_hours")).isNotNull();
    courseBackfill.run();
    assertThat(jdbc.queryForObject("select count(*) from nrm_stat_referral where case_id = ?", Integer.class, earlier.getId()))
        .as("once").isEqualTo(written.size());
  }

  @Test
  void fewerThanKCasesShowNoFigureAtAll() throws Exception {
    String lonely = CaseStatisticsIntegrationTest.INTAKE.replace("2026-11-20T22:30:00-06:00", "2017-05-02T09:00:00-06:00");
    CaseDriver driver = new CaseDriver(engine, rest, json);
    driver.reviewAndIdentify(driver.open(lonely, "police.cr"), "not-identified");

    JsonNode answer = indicators("coordination.cr", "jurisdiction=CR&from=2017-05-01&to=2017-05-31").body();

    assertThat(answer.at("/identification/notIdentified").isNull()).isTrue();
    assertThat(answer.at("/identification/suppressed").asBoolean()).isTrue();
    assertThat(answer.at("/identification/identified").isNull()).as("not even a zero: it would say the case was not identified")
        .isTrue();
    assertThat(answer.at("/firstAssistance/medianHours").isNull()).isTrue();
  }

  @Test
  void indicatorsAreForCoordinationAndAdministratorsOnly() {
    assertThat(rest.withBasicAuth("shelter.cr", "demo").getForEntity("/api/statistics/indicators", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/statistics/indicators?jurisdiction=GT", String.class)
        .getStatusCode().value()).isEqualTo(200);
  }

  private record ResponseEntityBody(JsonNode body) {}

  private ResponseEntityBody indicators(String user, String query) throws Exception {
    var answer = rest.withBasicAuth(user, "demo").getForEntity("/api/statistics/indicators?" + query, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return new ResponseEntityBody(json.readTree(answer.getBody()));
  }

  private Map<String, Object> record(ProcessInstance opened) {
    return jdbc.queryForMap("select * from nrm_stat_case where process_instance_id = ?", opened.getId());
  }
}
