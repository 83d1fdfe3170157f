package org.nrm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deployments as an analyst makes them from Camunda Modeler (the engine REST API): what is fit is
 * stored and gives working tasks whether the diagram, the form or both are deployed; what is not is
 * refused whole with the analyst's problems in Spanish, the versions in use unchanged, and on record.
 */
@NrmIntegrationTest
class DeploymentValidationIntegrationTest {

  private static final String CASE_MODEL = ModelerDeployments.shipped("processes/NrmCaseProcess.bpmn");
  private static final String REVIEW_FORM = ModelerDeployments.shipped("forms/review-screening.form");
  private static final String REVIEW_TASK = "camunda:candidateGroups=\"response-team\" camunda:formRef=\"review-screening\"";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private final List<String> deployed = new ArrayList<>();

  @AfterEach
  void removeTheTestsVersions() {
    deployed.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  @Test
  void aDiagramDeployedAloneGivesTasksWhoseFormsResolve() throws Exception {
    String changed = CASE_MODEL.replace("name=\"Revisar el tamizaje y coordinar la asistencia inmediata\"",
        "name=\"Revisar el tamizaje y coordinar la asistencia\"");

    ResponseEntity<String> response = deployments().deploy("Acorta el nombre de la revisión del tamizaje",
        "NrmCaseProcess.bpmn", changed);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String version = accepted(response);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(version).singleResult().getId();
    ProcessInstance opened = new CaseDriver(engine, rest, json)
        .open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00"), "police.cr");
    assertThat(opened.getProcessDefinitionId()).isEqualTo(definition);
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(opened.getId()).taskDefinitionKey("UserTask_ReviewScreening").singleResult();
    assertThat(review.getName()).isEqualTo("Revisar el tamizaje y coordinar la asistencia");
    assertThat(deployedFormOf(review).path("id").asText()).isEqualTo("review-screening");
  }

  @Test
  void aFormDeployedAloneReachesTheOpenTasksOfTheVersionInUse() throws Exception {
    ProcessInstance opened = new CaseDriver(engine, rest, json)
        .open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00"), "police.cr");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(opened.getId()).taskDefinitionKey("UserTask_ReviewScreening").singleResult();
    String relabelled = relabelFirst(REVIEW_FORM, "Etiqueta corregida por el analista");

    ResponseEntity<String> response = deployments().deploy("Corrige una etiqueta de la revisión", "review-screening.form", relabelled);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    accepted(response);
    assertThat(deployedFormOf(review).toString()).contains("Etiqueta corregida por el analista");
  }

  @Test
  void aDiagramAndItsFormDeployedTogetherGiveTheNewFormToTheNewTasks() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("NrmCaseProcess.bpmn", CASE_MODEL.replace(REVIEW_TASK,
        "camunda:candidateGroups=\"response-team\" camunda:formRef=\"review-screening-short\""));
    files.put("review-screening-short.form", relabelFirst(REVIEW_FORM, "Revisión breve")
        .replace("\"id\": \"review-screening\"", "\"id\": \"review-screening-short\""));

    ResponseEntity<String> response = deployments().deploy("analysts.cr", "Revisión del tamizaje con un formulario breve", files);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    accepted(response);
    ProcessInstance opened = new CaseDriver(engine, rest, json)
        .open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00"), "police.cr");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(opened.getId()).taskDefinitionKey("UserTask_ReviewScreening").singleResult();
    JsonNode form = deployedFormOf(review);
    assertThat(form.path("id").asText()).isEqualTo("review-screening-short");
    assertThat(form.toString()).contains("Revisión breve");
  }

  @Test
  void aTaskForNoInstitutionIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replace(REVIEW_TASK, "camunda:candidateGroups=\"nadie\" camunda:formRef=\"review-screening\""),
        "UserTask_ReviewScreening", "tiene como grupo candidato «nadie», que no es una institución del mecanismo");
  }

  @Test
  void aTaskWhoseFormExistsNowhereIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replace(REVIEW_TASK, "camunda:candidateGroups=\"response-team\" camunda:formRef=\"no-such-form\""),
        "UserTask_ReviewScreening", "usa el formulario «no-such-form», que no está en este despliegue ni se desplegó antes");
  }

  @Test
  void aFormBoundToItsDeploymentIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replaceFirst("camunda:formRef=\"review-screening\" camunda:formRefBinding=\"latest\"",
            "camunda:formRef=\"review-screening\" camunda:formRefBinding=\"deployment\""),
        "UserTask_ReviewScreening", "enlaza su formulario con formRefBinding «deployment»: use «latest»");
  }

  @Test
  void aTaskForTwoInstitutionsOrForAPersonIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replace(REVIEW_TASK, "camunda:candidateGroups=\"response-team,police\" camunda:assignee=\"police.cr\""
            + " camunda:formRef=\"review-screening\""),
        "UserTask_ReviewScreening", "tiene varios grupos candidatos («response-team,police»)");
  }

  @Test
  void aDelegateThatIsNoBeanIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replaceFirst("\\$\\{applyDecisionRulesDelegate}", "\\${decideEverythingDelegate}"),
        "BusinessRuleTask_DecideOnCase", "llama a «decideEverythingDelegate», que no es un componente del producto");
  }

  @Test
  void aBusinessRuleTaskForAnUnknownDomainIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replaceFirst("<camunda:inputParameter name=\"decisionDomain\">all<",
            "<camunda:inputParameter name=\"decisionDomain\">screening,housing<"),
        "BusinessRuleTask_DecideOnCase", "decide sobre «housing», que no es un dominio de decisión de rules/");
  }

  @Test
  void aDeadlineThatIsNotInTheTableIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replace("dueDates.of(jurisdiction, 'immediate-assistance')", "dueDates.of(jurisdiction, 'in-a-while')"),
        null, "El plazo «in-a-while» no existe en rules/deadlines.yml");
  }

  @Test
  void aGeneratedIdIsRefused() throws Exception {
    assertRefused(CASE_MODEL.replace("Gateway_IsPresumedVictim", "Gateway_0k1d2x3"),
        "Gateway_0k1d2x3", "no sigue la convención de nombres");
  }

  @Test
  void aTaskThatLeadsNowhereIsRefused() throws Exception {
    String withoutTheFlow = CASE_MODEL.replace("<bpmn:outgoing>SequenceFlow_ToIsPresumedVictim</bpmn:outgoing>", "")
        .replace("<bpmn:incoming>SequenceFlow_ToIsPresumedVictim</bpmn:incoming>", "")
        .replaceAll("<bpmn:sequenceFlow id=\"SequenceFlow_ToIsPresumedVictim\"[^>]*/>", "")
        .replaceAll("(?s)<bpmndi:BPMNEdge id=\"[^\"]*\" bpmnElement=\"SequenceFlow_ToIsPresumedVictim\">.*?</bpmndi:BPMNEdge>", "");
    assertRefused(withoutTheFlow,
        "UserTask_ReviewScreening", "no lleva a ningún paso: el caso quedaría detenido en él");
  }

  @Test
  void aDeploymentThatDoesNotSayWhyIsRefused() throws Exception {
    int versions = versionsOf("NrmCaseProcess");

    ResponseEntity<String> response = deployments().deploy("NrmCaseProcess", "NrmCaseProcess.bpmn",
        CASE_MODEL.replace("Revisar el tamizaje y coordinar la asistencia inmediata", "Revisar el tamizaje"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).path("message").asText())
        .contains("Escriba en el nombre del despliegue por qué lo hace", "«NrmCaseProcess» no lo dice");
    assertThat(versionsOf("NrmCaseProcess")).isEqualTo(versions);
  }

  @Test
  void aFormThatDoesNotParseIsRefused() throws Exception {
    assertFormRefused("review-screening", REVIEW_FORM.substring(0, REVIEW_FORM.length() / 2), "no es un JSON válido");
  }

  @Test
  void aFormThatLosesAFieldTheVersionInUseRequiresIsRefused() throws Exception {
    assertFormRefused("review-screening", REVIEW_FORM.replace("\"key\": \"immediateAssistanceCoordinated\"",
        "\"key\": \"assistanceCoordinated\""), "ya no tiene el campo «immediateAssistanceCoordinated», que la versión en uso exige");
  }

  @Test
  void aFormThatLosesAFieldTheProcessReadsIsRefused() throws Exception {
    assertThat(ModelChecks.namesReadBy(CASE_MODEL)).contains("overdueTask");

    assertFormRefused("overdue-escalation", ModelerDeployments.shipped("forms/overdue-escalation.form")
        .replace("\"key\": \"overdueTask\"", "\"key\": \"taskOverdue\""), "ya no tiene el campo «overdueTask», que el proceso lee");
  }

  @Test
  void aReleaseChangesAFormTogetherWithTheCodeThatReadsIt() {
    String changed = REVIEW_FORM.replace("\"key\": \"immediateAssistanceCoordinated\"", "\"key\": \"assistanceCoordinated\"");

    var release = ChangeReasons.because("Modelos y formularios de la nueva versión del producto", () -> engine.getRepositoryService()
        .createDeployment().name("nrm-models-test-release").addString("forms/review-screening.form", changed).deploy());
    deployed.add(release.getId());

    assertThat(jdbc.queryForObject("select count(*) from ACT_RE_CAMFORMDEF where DEPLOYMENT_ID_ = ?", Integer.class, release.getId()))
        .as("the release's form is deployed, what the version in use required notwithstanding").isEqualTo(1);
  }

  @Test
  void aFormWithIdentityOutsideTheVaultIsRefused() throws Exception {
    assertFormRefused("review-screening", REVIEW_FORM.replace("\"key\": \"screeningReviewNotes\"", "\"key\": \"documentNumber\""),
        "«documentNumber» del formulario review-screening.form parece un dato de identidad: llámelo identity_<campo>");
  }

  @Test
  void anAcceptedDeploymentIsOnRecordWithWhoWhyAndWhatChanged() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    String changed = CASE_MODEL.replace("name=\"Caso detectado\"", "name=\"Caso detectado o referido\"");
    files.put("NrmCaseProcess.bpmn", changed);
    files.put("review-screening.form", REVIEW_FORM);

    String id = accepted(deployments().deploy("analysts.cr", "Nombra también los casos referidos al inicio", files));

    ResponseEntity<String> record = rest.withBasicAuth("coordination.cr", "demo").getForEntity("/api/model-changes?limit=5", String.class);
    assertThat(record.getStatusCode()).as(record.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode newest = json.readTree(record.getBody()).get(0);
    assertThat(newest.path("kind").asText()).isEqualTo("deployment");
    assertThat(newest.path("outcome").asText()).isEqualTo("done");
    assertThat(newest.path("changedBy").asText()).isEqualTo("analysts.cr");
    assertThat(newest.path("reason").asText()).isEqualTo("Nombra también los casos referidos al inicio (Camunda Modeler)");
    assertThat(newest.path("deploymentId").asText()).isEqualTo(id);
    assertThat(newest.path("changedAt").asText()).isNotBlank();
    JsonNode resources = newest.path("details").path("resources");
    assertThat(resources.findValuesAsText("name")).containsExactly("NrmCaseProcess.bpmn", "review-screening.form");
    assertThat(resources.get(0).path("sha256").asText()).isEqualTo(sha256(changed));
    assertThat(resources.get(0).path("change").asText()).isEqualTo("changed");
    assertThat(resources.get(1).path("sha256").asText()).isEqualTo(sha256(REVIEW_FORM));
    assertThat(resources.get(1).path("change").asText()).isEqualTo("unchanged");
  }

  @Test
  void onlyCoordinationAndAdministratorsReadTheRecord() {
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/model-changes", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    for (String userId : List.of("analysts.cr", "police.cr", "amanecer.cr")) {
      ResponseEntity<String> refused = rest.withBasicAuth(userId, "demo").getForEntity("/api/model-changes", String.class);
      assertThat(refused.getStatusCode()).as(userId).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).contains("Sólo coordinación");
    }
    ResponseEntity<String> badLimit = rest.withBasicAuth("coordination.cr", "demo").getForEntity("/api/model-changes?limit=0", String.class);
    assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badLimit.getBody()).contains("\"field\":\"limit\"");
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private void assertRefused(String model, String elementId, String reason) throws Exception {
    int versions = versionsOf("NrmCaseProcess");

    ResponseEntity<String> response = deployments().deploy("Cambio que la validación debe rechazar", "NrmCaseProcess.bpmn", model);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(response.getBody());
    assertThat(error.path("type").asText()).isEqualTo("ParseException");
    assertThat(error.path("message").asText()).startsWith("El despliegue «Cambio que la validación debe rechazar» fue rechazado entero")
        .contains(reason);
    JsonNode problems = error.path("details").path("NrmCaseProcess.bpmn").path("errors");
    assertThat(problems.findValuesAsText("message")).anySatisfy(message -> assertThat(message).contains(reason));
    if (elementId != null) {
      JsonNode problem = findProblem(problems, reason);
      assertThat(problem.path("mainElementId").asText()).isEqualTo(elementId);
      assertThat(problem.path("line").asInt()).isPositive();
    }
    assertThat(versionsOf("NrmCaseProcess")).as("the versions in use stay").isEqualTo(versions);
    assertThat(jdbc.queryForObject("select count(*) from nrm_model_change where outcome = 'refused' and changed_by = 'analysts.cr'"
        + " and reason = 'Cambio que la validación debe rechazar (Camunda Modeler)' and details like ?", Integer.class, "%" + reasonInJson(reason) + "%"))
        .as("the refusal is on record").isPositive();
  }

  private void assertFormRefused(String key, String form, String reason) throws Exception {
    int versions = jdbc.queryForObject("select count(*) from ACT_RE_CAMFORMDEF where KEY_ = ?", Integer.class, key);

    ResponseEntity<String> response = deployments().deploy("Formulario que la validación debe rechazar", key + ".form", form);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(response.getBody());
    assertThat(error.path("message").asText()).contains(reason);
    assertThat(error.path("details").path(key + ".form").path("errors").findValuesAsText("message"))
        .anySatisfy(message -> assertThat(message).contains(reason));
    assertThat(jdbc.queryForObject("select count(*) from ACT_RE_CAMFORMDEF where KEY_ = ?", Integer.class, key))
        .isEqualTo(versions);
  }

  private String accepted(ResponseEntity<String> response) throws Exception {
    String id = json.readTree(response.getBody()).path("id").asText();
    deployed.add(id);
    return id;
  }

  private JsonNode deployedFormOf(Task task) throws Exception {
    ResponseEntity<String> form = rest.withBasicAuth("response-team.cr", "demo")
        .getForEntity("/engine-rest/task/" + task.getId() + "/deployed-form", String.class);
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(form.getBody());
  }

  private int versionsOf(String key) {
    return (int) engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
  }

  private String relabelFirst(String form, String label) throws Exception {
    String firstLabel = json.readTree(form).findValuesAsText("label").get(0);
    return form.replaceFirst("\"label\": \"" + java.util.regex.Pattern.quote(firstLabel) + "\"", "\"label\": \"" + label + "\"");
  }

  private static JsonNode findProblem(JsonNode problems, String reason) {
    for (JsonNode problem : problems) {
      if (problem.path("message").asText().contains(reason)) {
        return problem;
      }
    }
    throw new AssertionError("No problem says " + reason + ": " + problems);
  }

  private static String reasonInJson(String reason) {
    return reason.substring(0, Math.min(reason.length(), 20));
  }

  private ModelerDeployments deployments() {
    return new ModelerDeployments(rest);
  }
}
