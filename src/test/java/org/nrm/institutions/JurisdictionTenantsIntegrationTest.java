package org.nrm.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.RestResponses;
import org.nrm.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each jurisdiction is a tenant: a case belongs to the tenant of its jurisdiction, with its tasks,
 * sub-processes and history, and only the users of that jurisdiction see or work it.
 */
@NrmIntegrationTest
class JurisdictionTenantsIntegrationTest {

  static final String MESSAGE_START = "TenantTestCaseHandedOver";
  static final String REFUSED = "No pertenece a esta jurisdicción: sólo puede abrir casos de CR";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  Users users;

  @BeforeEach
  void setUp() {
    users = new Users(engine.getIdentityService());
    engine.getRepositoryService().createDeployment().name("jurisdiction-tenants-test").enableDuplicateFiltering(false)
        .addClasspathResource("bpmn/JurisdictionMessageStartProcess.bpmn")
        .addClasspathResource("bpmn/JurisdictionCallerProcess.bpmn")
        .addClasspathResource("bpmn/JurisdictionCalledProcess.bpmn")
        .deploy();
  }

  @Test
  void aCaseOpenedInGuatemalaBelongsToItsTenantWithItsTasksAndHistory() throws Exception {
    OpenedCase opened = open("police.gt", intake("GT"));

    assertThat(opened.caseId()).startsWith("GT-");
    assertThat(instance(opened).getTenantId()).isEqualTo("GT");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(opened.instanceId())
        .singleResult().getTenantId()).isEqualTo("GT");
    Task review = reviewTask(opened);
    assertThat(review.getTenantId()).isEqualTo("GT");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getTenantId())
        .isEqualTo("GT");
  }

  @Test
  void aCaseOpenedInCostaRicaBelongsToItsTenant() throws Exception {
    OpenedCase opened = open("police.cr", intake("CR"));

    assertThat(instance(opened).getTenantId()).isEqualTo("CR");
    assertThat(reviewTask(opened).getTenantId()).isEqualTo("CR");
  }

  @Test
  void theTasklistStartFormOpensTheCaseInTheTenantOfItsJurisdiction() {
    ProcessInstance opened = users.as("police.gt", () -> submitStartForm(startForm("GT")));

    assertThat(opened.getBusinessKey()).startsWith("GT-");
    assertThat(opened.getTenantId()).isEqualTo("GT");
  }

  @Test
  void aUserOfCostaRicaCannotOpenACaseInGuatemalaThroughTheApi() throws Exception {
    long casesBefore = cases();
    long numbersBefore = caseNumbersUsed("GT");

    ResponseEntity<String> response = post("police.cr", intake("GT"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("error").asText()).contains("no se creó ningún caso");
    assertThat(body.at("/fields/0/field").asText()).isEqualTo("jurisdiction");
    assertThat(body.at("/fields/0/message").asText()).isEqualTo(REFUSED);
    assertThat(cases()).isEqualTo(casesBefore);
    assertThat(caseNumbersUsed("GT")).isEqualTo(numbersBefore);
  }

  @Test
  void aUserOfCostaRicaCannotOpenACaseInGuatemalaFromTheStartForm() {
    long casesBefore = cases();
    long numbersBefore = caseNumbersUsed("GT");

    assertThatThrownBy(() -> users.as("police.cr", () -> submitStartForm(startForm("GT"))))
        .hasMessageContaining("no se creó ningún caso")
        .hasMessageContaining("jurisdiction: " + REFUSED);
    assertThat(cases()).isEqualTo(casesBefore);
    assertThat(caseNumbersUsed("GT")).isEqualTo(numbersBefore);
  }

  @Test
  void aUserWithoutJurisdictionOpensCasesInAnyJurisdiction() throws Exception {
    OpenedCase opened = open("admin", intake("GT"));

    assertThat(instance(opened).getTenantId()).isEqualTo("GT");
  }

  @Test
  void usersOfCostaRicaNeitherSeeNorWorkAGuatemalanTaskInTheEngine() throws Exception {
    Task review = reviewTask(open("police.gt", intake("GT")));

    users.as("response-team.cr", () -> {
      assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isZero();
      assertThat(taskIdsInMyInstitutionFilter()).doesNotContain(review.getId());
      assertThatThrownBy(() -> engine.getTaskService().claim(review.getId(), "response-team.cr"))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no authenticated tenant");
      assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of("immediateAssistanceCoordinated", true)))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no authenticated tenant");
    });
    users.as("response-team.gt", () -> {
      assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
      assertThat(taskIdsInMyInstitutionFilter()).contains(review.getId());
    });
    assertUntouched(review);
  }

  @Test
  void theResponseTeamOfGuatemalaCompletesItsTask() throws Exception {
    Task review = reviewTask(open("police.gt", intake("GT")));

    users.as("response-team.gt", () -> engine.getTaskService().complete(review.getId(), Map.of("immediateAssistanceCoordinated", true)));

    assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).isZero();
  }

  @Test
  void usersOfCostaRicaNeitherSeeNorWorkAGuatemalanTaskThroughRest() throws Exception {
    Task review = reviewTask(open("police.gt", intake("GT")));
    var costaRica = rest.withBasicAuth("response-team.cr", "demo");
    var guatemala = rest.withBasicAuth("response-team.gt", "demo");

    assertThat(ids(costaRica.getForEntity("/engine-rest/task?maxResults=1000", String.class))).doesNotContain(review.getId());
    assertThat(ids(guatemala.getForEntity("/engine-rest/task?maxResults=1000", String.class))).contains(review.getId());
    assertThat(costaRica.getForEntity("/engine-rest/task/{id}", String.class, review.getId()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(guatemala.getForEntity("/engine-rest/task/{id}", String.class, review.getId()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> completed = costaRica.postForEntity("/engine-rest/task/{id}/complete",
        new HttpEntity<>("{\"variables\":{\"immediateAssistanceCoordinated\":{\"value\":true}}}", jsonHeaders()), String.class,
        review.getId());
    assertThat(completed.getStatusCode().isError()).as("HTTP " + completed.getStatusCode()).isTrue();
    assertThat(completed.getBody()).contains("no authenticated tenant");
    assertUntouched(review);
  }

  @Test
  void coordinatorsSeeOnlyTheCasesOfTheirJurisdiction() throws Exception {
    OpenedCase costaRican = open("police.cr", intake("CR"));
    OpenedCase guatemalan = open("police.gt", intake("GT"));
    Set<String> both = Set.of(costaRican.instanceId(), guatemalan.instanceId());
    List<String> bothTasks = List.of(reviewTask(costaRican).getId(), reviewTask(guatemalan).getId());

    users.as("coordination.cr", () -> {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(both).list())
          .extracting(ProcessInstance::getId).containsExactly(costaRican.instanceId());
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(both).list())
          .extracting("id").containsExactly(costaRican.instanceId());
      assertThat(engine.getTaskService().createTaskQuery().taskIdIn(bothTasks.toArray(String[]::new)).list())
          .extracting(Task::getId).containsExactly(bothTasks.get(0));
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(guatemalan.instanceId()).count())
          .isZero();
    });
    users.as("coordination.gt", () -> assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceIds(both).list()).extracting(ProcessInstance::getId).containsExactly(guatemalan.instanceId()));
  }

  @Test
  void coordinatorsOfCostaRicaReadNoGuatemalanHistoryOrCaseThroughRest() throws Exception {
    OpenedCase guatemalan = open("police.gt", intake("GT"));
    reviewTask(guatemalan);
    var costaRica = rest.withBasicAuth("coordination.cr", "demo");
    var guatemala = rest.withBasicAuth("coordination.gt", "demo");
    String ofTheCase = "?processInstanceId=" + guatemalan.instanceId();

    assertThat(ids(costaRica.getForEntity("/engine-rest/history/task" + ofTheCase, String.class))).isEmpty();
    assertThat(ids(guatemala.getForEntity("/engine-rest/history/task" + ofTheCase, String.class))).isNotEmpty();
    assertThat(ids(costaRica.getForEntity("/engine-rest/history/process-instance" + ofTheCase, String.class))).isEmpty();
    assertThat(ids(guatemala.getForEntity("/engine-rest/history/process-instance" + ofTheCase, String.class)))
        .containsExactly(guatemalan.instanceId());
    assertThat(costaRica.getForEntity("/api/cases/" + guatemalan.caseId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(guatemala.getForEntity("/api/cases/" + guatemalan.caseId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theReferralsOfAGuatemalanCaseStayInGuatemala() throws Exception {
    OpenedCase opened = open("police.gt", """
        {"jurisdiction": "GT", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "border-control",
         "detectionPlace": {"country": "GT", "region": "San Marcos"}, "sex": "female", "ageYears": 27,
         "nationality": "VE", "migrationStatus": "irregular", "acts": ["transportation"], "crossedBorder": true,
         "smuggling": {"paidForIrregularEntry": true, "consentedToMovement": true, "movementEndedOnArrival": true},
         "needs": {"medicalUrgency": "urgent"}}
        """);
    Task review = reviewTask(opened);
    users.as("response-team.gt", () -> engine.getTaskService().complete(review.getId(), Map.of("immediateAssistanceCoordinated", true)));
    runJobs(opened);

    List<ProcessInstance> referrals = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(opened.instanceId()).list();
    assertThat(referrals).isNotEmpty().allSatisfy(referral -> {
      assertThat(referral.getProcessDefinitionId()).startsWith("ReferralProcess:");
      assertThat(referral.getTenantId()).isEqualTo("GT");
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(referrals.get(0).getId()).singleResult().getTenantId())
        .isEqualTo("GT");
  }

  @Test
  void aSubProcessStaysInItsCallersTenantWhateverJurisdictionItIsGiven() {
    ProcessInstance called = calledBy(Map.of("jurisdiction", "GT", "calleeJurisdiction", "CR"));

    assertThat(engine.getRuntimeService().getVariable(called.getId(), "jurisdiction")).isEqualTo("CR");
    assertThat(called.getTenantId()).isEqualTo("GT");
  }

  @Test
  void aSubProcessOfACallerWithoutTenantHasNoTenantEither() {
    ProcessInstance called = calledBy(Map.of("calleeJurisdiction", "GT"));

    assertThat(engine.getRuntimeService().getVariable(called.getId(), "jurisdiction")).isEqualTo("GT");
    assertThat(called.getTenantId()).isNull();
  }

  @Test
  void aProcessStartedByAMessageGetsTheTenantOfItsJurisdiction() {
    ProcessInstance started = engine.getRuntimeService().createMessageCorrelation(MESSAGE_START)
        .processInstanceBusinessKey("GT-TEST-" + UUID.randomUUID())
        .setVariable("jurisdiction", "GT")
        .correlateStartMessage();

    assertThat(started.getTenantId()).isEqualTo("GT");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(started.getId()).singleResult().getTenantId())
        .isEqualTo("GT");
  }

  /** The answer for models started by message: the definitions are shared, so they have no tenant to correlate with. */
  @Test
  void aStartMessageOfASharedDefinitionIsCorrelatedWithoutTenantIdAndNeverWithTheJurisdictionsTenant() {
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation(MESSAGE_START)
        .tenantId("GT").setVariable("jurisdiction", "GT").correlateStartMessage())
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    ProcessInstance started = engine.getRuntimeService().createMessageCorrelation(MESSAGE_START)
        .withoutTenantId().setVariable("jurisdiction", "GT").correlateStartMessage();
    assertThat(started.getTenantId()).isEqualTo("GT");
  }

  @Test
  void aProcessWithoutAServedJurisdictionHasNoTenant() {
    ProcessInstance unserved = engine.getRuntimeService().createMessageCorrelation(MESSAGE_START)
        .setVariable("jurisdiction", "SV").correlateStartMessage();
    ProcessInstance none = engine.getRuntimeService().createMessageCorrelation(MESSAGE_START).correlateStartMessage();

    assertThat(unserved.getTenantId()).isNull();
    assertThat(none.getTenantId()).isNull();
  }

  record OpenedCase(String caseId, String instanceId) {}

  private ProcessInstance calledBy(Map<String, Object> callerVariables) {
    String caller = engine.getRuntimeService().startProcessInstanceByKey("JurisdictionCallerProcess", callerVariables).getId();
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller).singleResult();
  }

  private OpenedCase open(String userId, String intake) throws Exception {
    ResponseEntity<String> response = post(userId, intake);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    return new OpenedCase(body.get("caseId").asText(), body.get("processInstanceId").asText());
  }

  private ResponseEntity<String> post(String userId, String intake) {
    return rest.withBasicAuth(userId, "demo").postForEntity("/api/cases", new HttpEntity<>(intake, jsonHeaders()), String.class);
  }

  private ProcessInstance instance(OpenedCase opened) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(opened.instanceId()).singleResult();
  }

  /** The screening runs (as the job executor would), then the response team reviews it. */
  private Task reviewTask(OpenedCase opened) {
    runJobs(opened);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(opened.instanceId())
        .taskDefinitionKey("UserTask_ReviewScreening").singleResult();
    assertThat(task).isNotNull();
    return task;
  }

  private void runJobs(OpenedCase opened) {
    engine.getManagementService().createJobQuery().processInstanceId(opened.instanceId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private void assertUntouched(Task task) {
    Task stored = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(stored).as("the task is still open").isNotNull();
    assertThat(stored.getAssignee()).isNull();
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "immediateAssistanceCoordinated")).isNull();
  }

  private List<String> taskIdsInMyInstitutionFilter() {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_INSTITUTION).singleResult();
    return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  private ProcessInstance submitStartForm(Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("NrmCaseProcess")
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, form);
  }

  private long cases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count();
  }

  private long caseNumbersUsed(String jurisdiction) {
    return jdbc.queryForObject("select coalesce(sum(last_value), 0) from nrm_case_sequence where jurisdiction = ?", Long.class,
        jurisdiction);
  }

  private List<String> ids(ResponseEntity<String> response) throws Exception {
    return RestResponses.ids(json, response);
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  /** An adult presumed victim detected in the jurisdiction. */
  private static String intake(String jurisdiction) {
    return """
        {"jurisdiction": "%1$s", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "hotline",
         "detectionPlace": {"country": "%1$s", "region": "Capital"}, "sex": "female", "ageYears": 22,
         "nationality": "SV", "migrationStatus": "irregular", "acts": ["recruitment"], "means": ["deception"],
         "purposes": ["sexual-exploitation"], "needs": {"medicalUrgency": "none"}}
        """.formatted(jurisdiction);
  }

  /** The variables Tasklist submits for the intake form. */
  private static Map<String, Object> startForm(String jurisdiction) {
    Map<String, Object> form = new HashMap<>();
    form.put("jurisdiction", jurisdiction);
    form.put("detectedAt", "2026-11-20T10:30-06:00");
    form.put("detectionChannel", "hotline");
    form.put("detectionPlace", jsonValue("{\"country\": \"" + jurisdiction + "\", \"region\": \"Capital\"}").create());
    form.put("sex", "female");
    form.put("ageYears", 22L);
    form.put("nationality", "SV");
    form.put("migrationStatus", "irregular");
    form.put("acts", jsonValue("[\"recruitment\"]").create());
    form.put("means", jsonValue("[\"deception\"]").create());
    form.put("purposes", jsonValue("[\"sexual-exploitation\"]").create());
    form.put("needs", jsonValue("{\"medicalUrgency\": \"none\"}").create());
    return form;
  }
}
