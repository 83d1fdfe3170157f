package org.nrm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A form completed through the engine REST API, past form-js's maxLength: a String the engine
 * cannot store, or one with control characters, is a 400 in Spanish and nothing is stored.
 */
@NrmIntegrationTest
class StringVariableBoundsIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  /** Escapes what is not ASCII, so that a lone surrogate reaches the server as sent. */
  private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @Test
  void aTextTooLongForTheEngineIsA400AndTheTaskStaysOpen() throws Exception {
    Task task = new InstitutionTasks(engine).taskFor("police");

    ResponseEntity<String> response = complete(task, "declined", "x".repeat(StringVariableBoundsPlugin.MAX_LENGTH + 1));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText())
        .contains("La variable «declineReason» no puede tener más de 4000 caracteres", "no se guardó ningún cambio");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "declineReason")).isNull();
  }

  @Test
  void controlCharactersAndLoneSurrogatesAreRefused() throws Exception {
    for (String text : new String[] {"motivo\u0000", "motivo \uD800", "motivo\u001B[2J"}) {
      Task task = new InstitutionTasks(engine).taskFor("police");

      ResponseEntity<String> response = complete(task, "declined", text);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json.readTree(response.getBody()).get("message").asText()).contains("contiene caracteres no permitidos");
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
  }

  @Test
  void multiLineTextAtTheBoundIsStored() {
    Task task = new InstitutionTasks(engine).taskFor("police");
    String line = "Sin cupo esta semana.\r\n\tSe propone otra institución 🙂 ";
    String lines = line.repeat(StringVariableBoundsPlugin.MAX_LENGTH / line.length());
    String text = lines + "x".repeat(StringVariableBoundsPlugin.MAX_LENGTH - lines.length());

    ResponseEntity<String> response = complete(task, "declined", text);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("declineReason").singleResult().getValue()).isEqualTo(text);
  }

  private ResponseEntity<String> complete(Task task, String decision, String reason) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      String body = ESCAPING.writeValueAsString(Map.of("variables", Map.of(
          "referralDecision", Map.of("value", decision), "declineReason", Map.of("value", reason, "type", "String"))));
      return rest.withBasicAuth("police.cr", "demo").postForEntity("/engine-rest/task/{id}/complete",
          new HttpEntity<>(body, headers), String.class, task.getId());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
