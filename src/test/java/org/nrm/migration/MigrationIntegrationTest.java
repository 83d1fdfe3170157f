package org.nrm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Running cases of NrmCaseProcess moved from the shipped version to a changed one (a user task
 * added, one renamed) through /api/migrations: the preview, the refusal without the mapping of the
 * renamed task (nothing changes), the batch with it, and the cases going on to their end on the new
 * version. Runs first ({@link Order}): the migration moves every running case of the shipped
 * version, and no other class has left one yet; the changed version is deleted after each test.
 */
@NrmIntegrationTest
@Order(1)
class MigrationIntegrationTest {

  static final String CHANGED_MODEL = "migration/NrmCaseProcess.bpmn";
  static final String WHY = "Añade la verificación de documentos y renombra la revisión del tamizaje";
  static final String PRESUMED_ADULT_VICTIM = """
      {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "labour-inspection",
       "detectionPlace": {"country": "CR", "region": "Alajuela"}, "sex": "male", "ageYears": 34,
       "nationality": "NI", "migrationStatus": "irregular", "acts": ["recruitment", "harbouring"],
       "means": ["deception", "coercion"], "purposes": ["forced-labour"], "riskFactors": ["documents-retained"],
       "needs": {"medicalUrgency": "none", "legal": true}, "wantsToFileComplaint": "no", "wishesToReturn": "no",
       "identity": {"givenNames": "Caso Migrado"}}
      """;
  static final String RENAMED_TASK = """
      {"from": "UserTask_ReviewScreening", "to": "UserTask_ReviewScreeningAndAssist"}""";
  static final String RENAMED_TIMER = """
      {"from": "BoundaryEvent_ReviewScreeningOverdue", "to": "BoundaryEvent_ReviewScreeningAndAssistOverdue"}""";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  CaseDriver cases;
  /** The last change on record before the test: the test's own records are those after it. */
  long lastChangeBefore;

  @BeforeEach
  void driveCases() {
    cases = new CaseDriver(engine, rest, json);
    lastChangeBefore = jdbc.queryForObject("select coalesce(max(change_id), 0) from nrm_model_change", Long.class);
  }

  /** The shipped version is the latest again for the classes that run next. */
  @AfterEach
  void deleteTheChangedVersion() {
    for (Deployment deployment : engine.getRepositoryService().createDeploymentQuery().deploymentName(WHY).list()) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void runningCasesMoveToTheChangedVersionWithTheRenamedTaskMappedAndGoOnToTheirEnd() throws Exception {
    ProcessInstance onTheRenamedTask = cases.open(PRESUMED_ADULT_VICTIM);
    cases.runJobs(onTheRenamedTask);
    Task review = cases.task(onTheRenamedTask, "UserTask_ReviewScreening");
    engine.getTaskService().claim(review.getId(), "response-team.cr");
    ProcessInstance onTheIdentification = cases.open(PRESUMED_ADULT_VICTIM);
    cases.runJobs(onTheIdentification);
    cases.complete(cases.task(onTheIdentification, "UserTask_ReviewScreening"), Map.of("immediateAssistanceCoordinated", true));
    Task identification = cases.task(onTheIdentification, "UserTask_DecideIdentification");
    String shipped = onTheRenamedTask.getProcessDefinitionId();
    Job reviewDeadline = timerAt(onTheRenamedTask, "BoundaryEvent_ReviewScreeningOverdue");
    Job identificationDeadline = timerAt(onTheIdentification, "BoundaryEvent_DecideIdentificationOverdue");

    String changed = deployTheChangedModel();

    // the preview: what moves where, and the renamed task (and its deadline) with nowhere to go
    JsonNode preview = body(post("admin", "/api/migrations/preview", "{\"processKey\": \"NrmCaseProcess\"}"), HttpStatus.OK);
    assertThat(preview.at("/source/id").asText()).isEqualTo(shipped);
    assertThat(preview.at("/target/id").asText()).isEqualTo(changed);
    assertThat(preview.at("/target/deploymentName").asText()).isEqualTo(WHY);
    assertThat(preview.get("runningCases").asLong()).isEqualTo(2);
    assertThat(elements(preview.get("activeElements"))).containsExactlyInAnyOrder(
        "activity UserTask_ReviewScreening 1 -> null", "activity UserTask_DecideIdentification 1 -> UserTask_DecideIdentification",
        "timer BoundaryEvent_ReviewScreeningOverdue 1 -> null",
        "timer BoundaryEvent_DecideIdentificationOverdue 1 -> BoundaryEvent_DecideIdentificationOverdue");
    assertThat(elements(preview.get("unmapped"))).containsExactlyInAnyOrder("activity UserTask_ReviewScreening 1 -> null",
        "timer BoundaryEvent_ReviewScreeningOverdue 1 -> null");
    assertThat(preview.get("problems").findValuesAsText("message")).anyMatch(message -> message.contains(
        "«UserTask_ReviewScreening» tiene 1 caso en curso y no existe en la versión nueva"));
    assertThat(preview.get("migratable").asBoolean()).isFalse();
    assertThat(preview.get("instructions").findValuesAsText("from")).contains("UserTask_DecideIdentification",
        "BoundaryEvent_DecideIdentificationOverdue", "UserTask_CloseCase").doesNotContain("UserTask_ReviewScreening");

    // refused without the mapping while a case sits on the renamed task: nothing changes
    ResponseEntity<String> refused = post("analysts.cr", "/api/migrations", "{\"processKey\": \"NrmCaseProcess\", \"comment\": \""
        + WHY + "\"}");
    JsonNode refusal = body(refused, HttpStatus.BAD_REQUEST);
    assertThat(refusal.get("error").asText()).isEqualTo(MigrationPlans.NOT_MIGRATED);
    assertThat(refusal.get("fields").findValuesAsText("field")).containsOnly("mappings");
    assertThat(refusal.get("fields").findValuesAsText("message")).anyMatch(message -> message.startsWith("«UserTask_ReviewScreening»"))
        .anyMatch(message -> message.startsWith("el plazo «BoundaryEvent_ReviewScreeningOverdue»"));
    assertThat(definitionOf(onTheRenamedTask)).isEqualTo(shipped);
    assertThat(definitionOf(onTheIdentification)).isEqualTo(shipped);
    assertThat(engine.getManagementService().createBatchQuery().count()).as("no batch").isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("UserTask_ReviewScreening");

    // with the mapping of the task (and its timer) the preview is clear; the migration runs as a batch
    String plan = "{\"processKey\": \"NrmCaseProcess\", \"mappings\": [" + RENAMED_TASK + ", " + RENAMED_TIMER + "], \"comment\": \""
        + WHY + "\"}";
    JsonNode clear = body(post("analysts.cr", "/api/migrations/preview", plan), HttpStatus.OK);
    assertThat(clear.get("problems")).isEmpty();
    assertThat(clear.get("unmapped")).isEmpty();
    assertThat(clear.get("migratable").asBoolean()).isTrue();
    ResponseEntity<String> accepted = post("analysts.cr", "/api/migrations", plan);
    JsonNode started = body(accepted, HttpStatus.ACCEPTED);
    String batchId = started.get("batchId").asText();
    assertThat(started.get("cases").asInt()).isEqualTo(2);
    assertThat(accepted.getHeaders().getLocation()).hasToString("/api/migrations/" + batchId);
    assertThat(body(rest.withBasicAuth("analysts.cr", "demo").getForEntity("/api/migrations/" + batchId, String.class), HttpStatus.OK)
        .get("state").asText()).isEqualTo("running");
    assertThat(definitionOf(onTheRenamedTask)).as("nothing moves before the batch runs").isEqualTo(shipped);

    runTheBatch(batchId);

    assertThat(body(rest.withBasicAuth("admin", "demo").getForEntity("/api/migrations/" + batchId, String.class), HttpStatus.OK)
        .get("state").asText()).isEqualTo("done");
    assertThat(definitionOf(onTheRenamedTask)).isEqualTo(changed);
    assertThat(definitionOf(onTheIdentification)).isEqualTo(changed);
    Task moved = cases.task(onTheRenamedTask, "UserTask_ReviewScreeningAndAssist");
    assertThat(moved.getId()).as("the same task, renamed").isEqualTo(review.getId());
    assertThat(moved.getAssignee()).isEqualTo("response-team.cr");
    assertThat(cases.groupOf(moved)).isEqualTo("response-team");
    Task stayed = cases.task(onTheIdentification, "UserTask_DecideIdentification");
    assertThat(stayed.getId()).isEqualTo(identification.getId());
    assertThat(cases.groupOf(stayed)).isEqualTo("response-team");
    assertThat(timerAt(onTheRenamedTask, "BoundaryEvent_ReviewScreeningAndAssistOverdue"))
        .as("the same deadline").extracting(Job::getId, Job::getDuedate).containsExactly(reviewDeadline.getId(), reviewDeadline.getDuedate());
    assertThat(timerAt(onTheIdentification, "BoundaryEvent_DecideIdentificationOverdue"))
        .extracting(Job::getId, Job::getDuedate).containsExactly(identificationDeadline.getId(), identificationDeadline.getDuedate());

    // both go on to their end on the new version, the first one through the added task
    cases.complete(moved, Map.of("immediateAssistanceCoordinated", true));
    Task added = cases.task(onTheRenamedTask, "UserTask_VerifyDocuments");
    assertThat(cases.groupOf(added)).isEqualTo("migration");
    assertThat(added.getDueDate()).isNotNull();
    cases.complete(added, Map.of("regularisationStatus", "procedure-started"));
    for (ProcessInstance migrated : List.of(onTheRenamedTask, onTheIdentification)) {
      cases.complete(cases.task(migrated, "UserTask_DecideIdentification"), Map.of("identificationDecision", "not-identified",
          "identificationReason", "Sin indicios suficientes"));
      cases.runJobs(migrated);
      cases.deliverEveryReferral(migrated);
      assertThat(cases.endOf(migrated)).isEqualTo("EndEvent_ServicesReferred");
    }

    // on record: the refusal, with its reasons, and the migration, with its batch
    List<Map<String, Object>> records = jdbc.queryForList("select * from nrm_model_change where kind = 'migration'"
        + " and change_id > ? order by change_id", lastChangeBefore);
    assertThat(records).extracting(row -> row.get("outcome")).containsExactly("refused", "done");
    assertThat(records).allSatisfy(row -> {
      assertThat(row.get("changed_by")).isEqualTo("analysts.cr");
      assertThat(row.get("reason")).isEqualTo(WHY);
      assertThat(row.get("source_definition_id")).isEqualTo(shipped);
      assertThat(row.get("target_definition_id")).isEqualTo(changed);
      assertThat(row.get("instances")).isEqualTo(2);
    });
    assertThat(records.get(0).get("batch_id")).isNull();
    assertThat(records.get(0).get("details").toString()).contains("«UserTask_ReviewScreening» tiene 1 caso en curso");
    assertThat(records.get(1).get("batch_id")).isEqualTo(batchId);
    JsonNode done = json.readTree(records.get(1).get("details").toString());
    assertThat(done.get("mappings").findValuesAsText("to")).containsExactly("UserTask_ReviewScreeningAndAssist",
        "BoundaryEvent_ReviewScreeningAndAssistOverdue");
    assertThat(done.get("instructions").findValuesAsText("from")).contains("UserTask_ReviewScreening", "UserTask_DecideIdentification");
    assertThat(done.get("targetDeployment").asText()).isEqualTo(WHY);
  }

  @Test
  void twoMigrationsOfTheSameVersionStartedAtOnceGiveOneBatch() throws Exception {
    ProcessInstance waiting = cases.open(PRESUMED_ADULT_VICTIM);
    cases.runJobs(waiting);
    String changed = deployTheChangedModel();
    String plan = "{\"processKey\": \"NrmCaseProcess\", \"mappings\": [" + RENAMED_TASK + ", " + RENAMED_TIMER + "], \"comment\": \""
        + WHY + "\"}";

    List<ConcurrentRequests.Answer> answers = new ConcurrentRequests("http://localhost:" + port).postAtOnce(List.of(
        new ConcurrentRequests.Request("/api/migrations", "analysts.cr", plan), new ConcurrentRequests.Request("/api/migrations", "admin", plan)));

    assertThat(answers).extracting(ConcurrentRequests.Answer::status).containsExactlyInAnyOrder(202, 400);
    String batchId = json.readTree(answers.stream().filter(answer -> answer.status() == 202).findFirst().orElseThrow().body())
        .get("batchId").asText();
    assertThat(answers.stream().filter(answer -> answer.status() == 400).findFirst().orElseThrow().body())
        .contains("sus casos ya se están migrando (lote " + batchId + ", en curso)");
    assertThat(engine.getManagementService().createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).count()).isEqualTo(1);
    runTheBatch(batchId);
    assertThat(definitionOf(waiting)).isEqualTo(changed);
  }

  @Test
  void aRefusedMigrationNamesTheFieldAndItsReasonChangesNothingAndIsRecorded() throws Exception {
    String shipped = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("NrmCaseProcess")
        .latestVersion().singleResult().getId();
    String referral = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("ReferralProcess")
        .latestVersion().singleResult().getId();
    String changed = deployTheChangedModel();
    String source = "\"sourceDefinitionId\": \"" + shipped + "\", ";
    String why = ", \"comment\": \"" + WHY + "\"";
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("{processKey: NrmCaseProcess}", "");
    refusals.put("[]", "");
    refusals.put("{\"processKey\": \"NrmCaseProcess\", \"mapping\": []" + why + "}", "mapping");
    refusals.put("{\"processKey\": \"NrmCaseProcess\"}", "comment");
    refusals.put("{\"processKey\": \"NrmCaseProcess\", \"comment\": \"porque sí\"}", "comment");
    refusals.put("{\"processKey\": \"NrmCaseProcess\", \"comment\": 42}", "comment");
    refusals.put("{\"comment\": \"" + WHY + "\"}", "sourceDefinitionId");
    refusals.put("{\"sourceDefinitionId\": \"NrmCaseProcess:99:none\"" + why + "}", "sourceDefinitionId");
    refusals.put("{\"sourceDefinitionId\": \"" + "x".repeat(300) + "\"" + why + "}", "sourceDefinitionId");
    refusals.put("{\"processKey\": \"NoSuchProcess\"" + why + "}", "processKey");
    refusals.put("{\"processKey\": \"NrmCaseProcess\", \"sourceVersion\": 999" + why + "}", "sourceVersion");
    refusals.put("{\"processKey\": \"NrmCaseProcess\", \"sourceVersion\": \"1\"" + why + "}", "sourceVersion");
    refusals.put("{\"processKey\": \"NrmCaseProcess\"" + why + "}", "sourceVersion");
    refusals.put("{" + source + "\"targetDefinitionId\": \"" + referral + "\"" + why + "}", "targetDefinitionId");
    refusals.put("{" + source + "\"targetDefinitionId\": \"" + shipped + "\"" + why + "}", "targetDefinitionId");
    refusals.put("{" + source + "\"mappings\": {}" + why + "}", "mappings");
    refusals.put("{" + source + "\"mappings\": [{\"from\": \"UserTask_ReviewScreening\"}]" + why + "}", "mappings[0].to");
    refusals.put("{" + source + "\"mappings\": [" + RENAMED_TASK + ", " + RENAMED_TASK + "]" + why + "}", "mappings[1].from");
    refusals.put("{" + source + "\"mappings\": [{\"from\": \"UserTask_NoSuchTask\", \"to\": \"UserTask_VerifyDocuments\"}]" + why
        + "}", "mappings[0].from");
    refusals.put("{" + source + "\"mappings\": [{\"from\": \"UserTask_ReviewScreening\", \"to\": \"SequenceFlow_ToVerifyDocuments\"}]"
        + why + "}", "mappings[0].to");
    refusals.put("{" + source + "\"mappings\": [" + RENAMED_TASK + ", " + RENAMED_TIMER + "]" + why + "}", "sourceDefinitionId");
    refusals.put("{\"comment\": \"" + "x".repeat(MigrationRequest.MAX_BYTES) + "\"}", "");

    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      JsonNode answer = body(post("analysts.cr", "/api/migrations", refusal.getKey()), HttpStatus.BAD_REQUEST);
      assertThat(answer.get("error").asText()).isEqualTo(MigrationPlans.NOT_MIGRATED);
      assertThat(answer.get("fields").findValuesAsText("field")).as(abbreviated(refusal.getKey())).contains(refusal.getValue());
      assertThat(answer.get("fields").findValuesAsText("message")).allMatch(message -> !message.isBlank());
    }
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
    List<Map<String, Object>> records = jdbc.queryForList("select * from nrm_model_change where kind = 'migration'"
        + " and change_id > ? order by change_id", lastChangeBefore);
    assertThat(records).hasSize(refusals.size()).allSatisfy(row -> {
      assertThat(row.get("outcome")).isEqualTo("refused");
      assertThat(row.get("changed_by")).isEqualTo("analysts.cr");
      assertThat(row.get("batch_id")).isNull();
    });
    assertThat(records.get(records.size() - 2)).satisfies(row -> {
      assertThat(row.get("reason")).isEqualTo(WHY);
      assertThat(row.get("source_definition_id")).isEqualTo(shipped);
      assertThat(row.get("target_definition_id")).isEqualTo(changed);
      assertThat(row.get("details").toString()).contains("no tiene casos en curso", "UserTask_ReviewScreeningAndAssist");
    });

    // Camunda's own validation report, in Spanish, on the mapping it concerns
    JsonNode incompatible = body(post("analysts.cr", "/api/migrations/preview", "{" + source + "\"mappings\": [{\"from\":"
        + " \"UserTask_ReviewScreening\", \"to\": \"Gateway_IsPresumedVictim\"}]}"), HttpStatus.OK);
    assertThat(incompatible.get("migratable").asBoolean()).isFalse();
    assertThat(incompatible.get("problems")).anySatisfy(problem -> {
      assertThat(problem.get("field").asText()).isEqualTo("mappings[0]");
      assertThat(problem.get("message").asText()).isEqualTo("«UserTask_ReviewScreening» → «Gateway_IsPresumedVictim»: los elementos"
          + " son de tipos distintos: una tarea de usuario no puede pasar a una compuerta exclusiva");
    });
  }

  @Test
  void onlyAnalystsAndAdministratorsPrepareOrMigrate() throws Exception {
    String plan = "{\"processKey\": \"NrmCaseProcess\", \"comment\": \"" + WHY + "\"}";
    for (String path : List.of("/api/migrations/preview", "/api/migrations")) {
      for (String institution : List.of("police.cr", "coordination.cr")) {
        assertThat(body(post(institution, path, plan), HttpStatus.FORBIDDEN).get("error").asText())
            .contains("Sólo los analistas (grupo «analysts») y los administradores");
      }
      assertThat(rest.postForEntity(path, plan, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(rest.withBasicAuth("police.cr", "demo").getForEntity("/api/migrations/some-batch", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(body(rest.withBasicAuth("analysts.cr", "demo").getForEntity("/api/migrations/some-batch", String.class),
        HttpStatus.NOT_FOUND).get("error").asText()).isEqualTo("No hay una migración con el lote some-batch.");
    assertThat(jdbc.queryForObject("select count(*) from nrm_model_change where change_id > ?", Long.class, lastChangeBefore)).isZero();
  }

  @Test
  void theMigrationsAreDescribedWithTheirRequestAndAnswers() throws Exception {
    JsonNode description = body(rest.withBasicAuth("analysts.cr", "demo").getForEntity("/api/openapi.json", String.class), HttpStatus.OK);
    JsonNode paths = description.get("paths");

    assertThat(paths.at("/~1api~1migrations~1preview/post/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/MigrationRequest");
    assertThat(paths.at("/~1api~1migrations/post/responses").fieldNames()).toIterable().contains("202", "400", "403");
    assertThat(paths.at("/~1api~1migrations~1{batchId}/get/responses").fieldNames()).toIterable().contains("200", "404");
    List<String> references = paths.findValuesAsText("$ref");
    assertThat(references).contains("#/components/schemas/MigrationPreview", "#/components/schemas/MigrationStarted",
        "#/components/schemas/MigrationProgress");
    for (String reference : references) {
      assertThat(description.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
    }
    assertThat(description.at("/components/schemas/MigrationPreview/properties").fieldNames()).toIterable()
        .contains("runningCases", "instructions", "activeElements", "unmapped", "problems", "migratable");
  }

  /** Deployed as an analyst deploys from Camunda Modeler, named for why it changes. */
  private String deployTheChangedModel() throws IOException {
    byte[] model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CHANGED_MODEL)) {
      model = in.readAllBytes();
    }
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", WHY);
    body.add("deployment-source", "Camunda Modeler");
    body.add("data", new ByteArrayResource(model) {
      @Override
      public String getFilename() {
        return "NrmCaseProcess.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    JsonNode deployed = body(rest.withBasicAuth("analysts.cr", "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(body, headers), String.class), HttpStatus.OK);
    return deployed.get("deployedProcessDefinitions").fieldNames().next();
  }

  /** The batch's jobs as the job executor would run them: the seed, each migration job, the monitor. */
  private void runTheBatch(String batchId) {
    ManagementService management = engine.getManagementService();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    management.executeJob(management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult().getId());
    for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
      management.executeJob(job.getId());
    }
    management.executeJob(management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).singleResult().getId());
    assertThat(management.createBatchQuery().batchId(batchId).count()).as("the batch is done").isZero();
  }

  private Job timerAt(ProcessInstance instance, String boundaryEvent) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(boundaryEvent)
        .timers().singleResult();
    assertThat(timer).as("the deadline at " + boundaryEvent).isNotNull();
    return timer;
  }

  private String definitionOf(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private static List<String> elements(JsonNode elements) {
    List<String> shown = new ArrayList<>();
    elements.forEach(element -> shown.add(element.get("kind").asText() + " " + element.get("element").asText() + " "
        + element.get("cases").asLong() + " -> " + element.get("to").asText()));
    return shown;
  }

  private static String abbreviated(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  ResponseEntity<String> post(String userId, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(userId, "demo").postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  JsonNode body(ResponseEntity<String> response, HttpStatus status) throws IOException {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return json.readTree(response.getBody());
  }
}
