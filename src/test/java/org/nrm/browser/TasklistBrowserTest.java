package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Tasklist as people use it, in headless Chromium ({@link Chromium}); screenshots under target/browser-screenshots. */
@NrmIntegrationTest
class TasklistBrowserTest extends InChromium {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void thePoliceOpenTheirTaskOfANewCaseInSpanishAndCompleteItAndHealthCannotSeeIt() throws Exception {
    Task referral = policeReferralOfANewCase();

    browser.logIn("tasklist", "police.cr", "Tareas de mi institución");
    openTask(referral);
    browser.waitForText("Motivo de la derivación");
    assertThat(browser.pageText()).contains("Aceptar o rechazar la derivación", "Resumen del caso", "Derivación a",
        "Decisión", "Aceptar la derivación", "Rechazar la derivación");
    browser.screenshot("1-police-task-form.png");

    assertThat(browser.pageText()).contains("Asignarme", "Iniciar proceso")
        .doesNotContain("Claim", "It is time to migrate", "Crear tarea");
    browser.click(By.xpath("//*[self::a or self::button][contains(normalize-space(), 'Asignarme')]"));
    // a task's form is read-only until it is claimed; Tasklist enables it once the claim is stored
    browser.until(stored -> "police.cr".equals(
        engine.getTaskService().createTaskQuery().taskId(referral.getId()).singleResult().getAssignee()));
    browser.until(enabled -> enabled.findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.click(By.xpath("//label[contains(normalize-space(), 'Aceptar la derivación')]"));
    browser.screenshot("2-police-task-filled.png");
    browser.click(By.xpath("//button[normalize-space()='Completar']"));
    browser.until(done -> engine.getTaskService().createTaskQuery().taskId(referral.getId()).count() == 0);
    browser.screenshot("3-police-task-completed.png");
    assertThat(engine.getRuntimeService().getVariable(referral.getProcessInstanceId(), "referralState")).isEqualTo("accepted");

    Task delivery = engine.getTaskService().createTaskQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
    browser.logIn("tasklist", "health.cr", "Tareas de mi institución");
    openTask(delivery);
    Thread.sleep(3000);
    browser.screenshot("4-health-does-not-see-the-task.png");
    // health may have service tasks of its own: what matters is that this one is not theirs to see
    assertThat(browser.pageText()).contains("No matching task with id " + delivery.getId()).doesNotContain("Motivo de la derivación");
  }

  /** A case of high risk opened through the intake API and identified: the police get a referral. */
  private Task policeReferralOfANewCase() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String intake = """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "hotline",
         "detectionPlace": {"country": "CR", "region": "San José"}, "sex": "female", "ageYears": 22,
         "nationality": "CR", "migrationStatus": "national", "acts": ["recruitment"], "means": ["threat"],
         "purposes": ["sexual-exploitation"], "riskFactors": ["threats-received"], "wantsToFileComplaint": "no"}
        """;
    String caseId = json.readTree(rest.withBasicAuth("response-team.cr", "demo")
        .postForEntity("/api/cases", new HttpEntity<>(intake, headers), String.class).getBody()).get("caseId").asText();
    ProcessInstance caseInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
    runJobs(caseInstance);
    completeCaseTask(caseInstance, "UserTask_ReviewScreening", Map.of("immediateAssistanceCoordinated", true));
    completeCaseTask(caseInstance, "UserTask_DecideIdentification",
        Map.of("identificationDecision", "identified", "identificationReason", "Acto, medio y fin"));
    completeCaseTask(caseInstance, "UserTask_AgreeCarePlan", Map.of("needsAssessment", "Necesidades evaluadas"));
    runJobs(caseInstance);
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskCandidateGroup("police")
        .taskDefinitionKey("UserTask_DecideOnReferral").singleResult();
  }

  private void openTask(Task task) {
    browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
  }

  private void completeCaseTask(ProcessInstance caseInstance, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }

  private void runJobs(ProcessInstance caseInstance) {
    engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
