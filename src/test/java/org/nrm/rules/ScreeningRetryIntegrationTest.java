package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The screening runs within the intake; when the rules fail, the case is opened all the same and
 * screened later by a job, which keeps its retries (then an incident) until the rules work again.
 */
@NrmIntegrationTest
class ScreeningRetryIntegrationTest {

  /** A rule an analyst got wrong: it throws for one kind of case. */
  private static final String BROKEN_RULE = """
      package rules.screening

      import org.nrm.rules.CaseFacts

      rule "Una regla que falla con personas de 119 años"
      when
        CaseFacts(ageYears == 119)
      then
        throw new IllegalStateException("regla defectuosa");
      end
      """;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RuleSetActivation activation;

  @AfterEach
  void restoreTheShippedRules() {
    activation.replace(ClasspathRules.files(), "test-cleanup", "Reglas de la prueba: test-cleanup");
  }

  @Test
  void anIntakeIsScreenedAtOnceAndItsReviewTaskWaitsForTheResponseTeam() throws Exception {
    ProcessInstance opened = driver().open(intakeAged(34));

    assertThat(driver().tasksOf(opened)).containsExactly("UserTask_ReviewScreening");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(opened.getId()).messages().count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(opened.getId(), "classification")).isNotNull();
  }

  @Test
  void whenTheRulesFailTheCaseIsOpenedAndScreenedLaterByAJob() throws Exception {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("screening/broken.drl", BROKEN_RULE);
    activation.replace(files, "analysts.cr", "Reglas de la prueba: analysts.cr");

    ProcessInstance opened = driver().open(intakeAged(119));

    assertThat(driver().tasksOf(opened)).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(opened.getId(), "classification")).isNull();
    Job retry = engine.getManagementService().createJobQuery().processInstanceId(opened.getId()).singleResult();
    assertThat(retry).isNotNull();
    assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(retry.getJobDefinitionId())
        .singleResult().getActivityId()).isEqualTo("BusinessRuleTask_DecideOnCaseAgain");

    assertThatThrownBy(() -> engine.getManagementService().executeJob(retry.getId())).hasMessageContaining("regla defectuosa");
    assertThat(driver().tasksOf(opened)).isEmpty();
    // ten tries five minutes apart, time for an analyst to put working rules back, then an incident
    Job failed = engine.getManagementService().createJobQuery().jobId(retry.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(9);
    assertThat(failed.getDuedate()).isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + 300_000), 5_000);

    activation.replace(ClasspathRules.files(), "analysts.cr", "Reglas de la prueba: analysts.cr");
    engine.getManagementService().executeJob(retry.getId());

    assertThat(driver().tasksOf(opened)).containsExactly("UserTask_ReviewScreening");
    assertThat(engine.getRuntimeService().getVariable(opened.getId(), "classification")).isNotNull();
  }

  private CaseDriver driver() {
    return new CaseDriver(engine, rest, json);
  }

  private static String intakeAged(int years) {
    return ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00").replace("\"ageYears\": 34", "\"ageYears\": " + years);
  }
}
