package org.nrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.RestResponses;
import org.nrm.support.InstitutionTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The engine REST API: basic authentication, and the same authorizations as in Tasklist. */
@NrmIntegrationTest
class EngineRestSecurityIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;
  Task policeTask;
  Task childProtectionTask;

  @BeforeEach
  void openOneCaseForPoliceAndOneForChildProtection() {
    InstitutionTasks cases = new InstitutionTasks(engine);
    policeTask = cases.taskFor("police");
    childProtectionTask = cases.taskFor("child-protection");
  }

  @Test
  void noOneCreatesATaskOutsideEveryProcess() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    long before = engine.getTaskService().createTaskQuery().count();

    for (String userId : List.of("police.cr", "coordination.cr", "admin")) {
      ResponseEntity<String> response = rest.withBasicAuth(userId, "demo")
          .postForEntity("/engine-rest/task/create", new HttpEntity<>("{\"name\": \"Tarea suelta\"}", headers), String.class);

      assertThat(response.getStatusCode().is2xxSuccessful()).as(userId + ": " + response.getBody()).isFalse();
    }
    assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(before);
    assertThat(engine.getTaskService().createTaskQuery().taskName("Tarea suelta").count()).isZero();
  }

  @Test
  void callsWithoutCredentialsAreUnauthorized() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void callsWithAWrongPasswordAreUnauthorized() {
    // a failed log-in delays the user's next attempts: a user no other test signs in with
    ResponseEntity<String> response = rest.withBasicAuth("social-welfare.cr", "wrong").getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anInstitutionListsOnlyItsOwnTasks() throws Exception {
    List<String> listed = taskIds(rest.withBasicAuth("police.cr", "demo").getForEntity("/engine-rest/task", String.class));

    assertThat(listed).contains(policeTask.getId()).doesNotContain(childProtectionTask.getId());
  }

  @Test
  void anInstitutionCannotReadAnotherInstitutionsTask() {
    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo")
        .getForEntity("/engine-rest/task/{id}", String.class, childProtectionTask.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anInstitutionCannotCompleteAnotherInstitutionsTask() {
    ResponseEntity<String> response = complete("police.cr", childProtectionTask);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(childProtectionTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void anInstitutionCompletesItsOwnTask() {
    ResponseEntity<String> response = complete("police.cr", policeTask);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getTaskService().createTaskQuery().taskId(policeTask.getId()).count()).isZero();
  }

  @Test
  void coordinatorsReadEveryCaseAndItsHistory() throws Exception {
    var coordinator = rest.withBasicAuth("coordination.cr", "demo");
    String instances = "?processInstanceIds=" + policeTask.getProcessInstanceId() + "," + childProtectionTask.getProcessInstanceId();

    assertThat(ids(coordinator.getForEntity("/engine-rest/process-instance" + instances, String.class))).hasSize(2);
    assertThat(ids(coordinator.getForEntity("/engine-rest/history/process-instance" + instances, String.class))).hasSize(2);
    assertThat(taskIds(coordinator.getForEntity("/engine-rest/task", String.class)))
        .contains(policeTask.getId(), childProtectionTask.getId());
  }

  @Test
  void coordinatorsCannotCompleteAnotherInstitutionsTask() {
    ResponseEntity<String> response = complete("coordination.cr", policeTask);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(policeTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void analystsDeployAsCamundaModelerDoes() {
    ResponseEntity<String> response = deploy("analysts.cr", "ModelerDeploymentCheckProcess");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("ModelerDeploymentCheckProcess").count())
        .isEqualTo(1);
  }

  @Test
  void institutionsCannotDeploy() {
    ResponseEntity<String> response = deploy("police.cr", "RefusedModelerDeploymentProcess");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("RefusedModelerDeploymentProcess").count())
        .isZero();
  }

  private ResponseEntity<String> complete(String userId, Task task) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(userId, "demo").postForEntity("/engine-rest/task/{id}/complete",
        new HttpEntity<>("{\"variables\":{\"referralDecision\":{\"value\":\"accepted\"}}}", headers), String.class, task.getId());
  }

  /** The multipart request Camunda Modeler sends to {@code /deployment/create}. */
  private ResponseEntity<String> deploy(String userId, String processKey) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://nrm.org/test">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="StartEvent_Started" />
            <sequenceFlow id="SequenceFlow_ToEnded" sourceRef="StartEvent_Started" targetRef="EndEvent_Ended" />
            <endEvent id="EndEvent_Ended" />
          </process>
        </definitions>
        """.formatted(processKey);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "Prueba de despliegue desde Modeler: " + processKey);
    body.add("deployment-source", "Camunda Modeler");
    body.add("data", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return processKey + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(userId, "demo").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  private List<String> taskIds(ResponseEntity<String> response) throws Exception {
    return ids(response);
  }

  private List<String> ids(ResponseEntity<String> response) throws Exception {
    return RestResponses.ids(json, response);
  }
}
