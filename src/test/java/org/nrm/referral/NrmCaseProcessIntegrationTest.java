package org.nrm.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A case from the intake API through the rules to the parallel referrals, on the real models. */
@NrmIntegrationTest
class NrmCaseProcessIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void aChildCaseIsReferredInParallelToEveryInstitutionTheRulesNamed() throws Exception {
    ProcessInstance caseInstance = openChildCase();
    runJobs(caseInstance.getId());
    complete(reviewTask(caseInstance), Map.of("immediateAssistanceCoordinated", true));
    runJobs(caseInstance.getId());

    List<String> referredInstitutions = ((SpinJsonNode) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(caseInstance.getId()).variableName("referrals").singleResult().getValue())
        .elements().stream().map(referral -> referral.prop("institution").stringValue()).toList();
    assertThat(referredInstitutions).contains("child-protection", "response-team", "health", "shelter");

    List<ProcessInstance> referrals = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).list();
    assertThat(referrals).hasSize(referredInstitutions.size())
        .allSatisfy(referral -> assertThat(referral.getBusinessKey()).isEqualTo(caseInstance.getBusinessKey()));
    List<String> decisionTaskGroups = referrals.stream()
        .map(referral -> engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult())
        .map(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId())
        .toList();
    assertThat(decisionTaskGroups).containsExactlyInAnyOrderElementsOf(referredInstitutions);
  }

  @Test
  void whenEveryReferralIsDeliveredTheCaseCompletesThisStage() throws Exception {
    ProcessInstance caseInstance = openChildCase();
    runJobs(caseInstance.getId());
    complete(reviewTask(caseInstance), Map.of("immediateAssistanceCoordinated", true));
    runJobs(caseInstance.getId());

    for (ProcessInstance referral : engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).list()) {
      complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
          Map.of("referralDecision", "accepted"));
      complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
          Map.of("serviceOutcome", "delivered"));
    }

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(caseInstance.getId())
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_ServicesReferred");
  }

  @Test
  void anOverdueReviewIsEscalatedToCoordinationAndStaysOpen() throws Exception {
    ProcessInstance caseInstance = openChildCase();
    runJobs(caseInstance.getId());
    Task review = reviewTask(caseInstance);
    assertThat(review.getDueDate()).isNotNull();

    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    runJobs(caseInstance.getId());

    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskDefinitionKey("UserTask_EscalateOverdueReview").singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalation.getId()).get(0).getGroupId()).isEqualTo("coordination");
    complete(escalation, Map.of("escalationAction", "Se llamó al equipo de respuesta"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  private ProcessInstance openChildCase() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String intake = """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "ngo-outreach",
         "detectionPlace": {"country": "CR", "region": "Puntarenas"}, "sex": "male", "ageYears": 14,
         "nationality": "HN", "migrationStatus": "irregular", "accompaniedBy": "none",
         "acts": ["transportation", "harbouring"], "purposes": ["forced-begging"],
         "needs": {"medicalUrgency": "urgent", "shelter": true}}
        """;
    String caseId = json.readTree(rest.withBasicAuth("response-team.cr", "demo")
        .postForEntity("/api/cases", new HttpEntity<>(intake, headers), String.class).getBody()).get("caseId").asText();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
  }

  private Task reviewTask(ProcessInstance caseInstance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskDefinitionKey("UserTask_ReviewScreening").singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** Runs the case's due jobs (async steps and timers) as the job executor would. */
  private void runJobs(String processInstanceId) {
    engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
