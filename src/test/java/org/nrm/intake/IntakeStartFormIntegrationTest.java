package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.nrm.identity.IdentityVault;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The single interview in Tasklist (start form of the case process): validated and numbered like the API. */
@NrmIntegrationTest
class IntakeStartFormIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityVault vault;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void theStartFormOpensANumberedCaseWithTheIdentityInTheVault() {
    ProcessInstance opened = new Users(engine.getIdentityService()).as("police.cr", () -> submit(startForm()));

    assertThat(opened.getBusinessKey()).matches("CR-\\d{4}-\\d{6}");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(opened.getId());
    assertThat(variables).containsEntry("wishesToReturn", "undecided").containsEntry("ageYears", 15)
        .doesNotContainKeys("identity_givenNames", "identity_documentNumber");
    assertThat(variables.get("detectedAt")).isInstanceOf(java.util.Date.class);
    assertThat(vault.read(opened.getBusinessKey(), "test", "verificación").orElseThrow().documentNumber())
        .isEqualTo("FORM-0001");
  }

  @Test
  void aStartFormWithErrorsIsRefusedInSpanishAndCreatesNothing() {
    Map<String, Object> form = startForm();
    form.put("detectedAt", OffsetDateTime.now().plusDays(2).toString());
    form.put("sex", "mujer");
    long casesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count();
    Long numbersBefore = jdbc.queryForObject("select coalesce(sum(last_value), 0) from nrm_case_sequence", Long.class);

    assertThatThrownBy(() -> submit(form))
        .hasMessageContaining("no se creó ningún caso")
        .hasMessageContaining("detectedAt: no puede estar en el futuro")
        .hasMessageContaining("sex: «mujer» no es un código válido");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count())
        .isEqualTo(casesBefore);
    assertThat(jdbc.queryForObject("select coalesce(sum(last_value), 0) from nrm_case_sequence", Long.class))
        .isEqualTo(numbersBefore);
  }

  @Test
  void aStartFormWithErrorsSubmittedThroughTheRestApiIsA400InSpanish() throws Exception {
    long casesBefore = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo").postForEntity(
        "/engine-rest/process-definition/key/NrmCaseProcess/submit-form",
        new HttpEntity<>("{\"variables\": {\"jurisdiction\": {\"value\": \"CR\"}, \"sex\": {\"value\": \"mujer\"}}}", headers),
        String.class);

    // Tasklist shows this message; a BadUserRequestException would be a 500 on this endpoint
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("message").asText())
        .contains("La entrevista tiene errores; no se creó ningún caso.", "sex: «mujer» no es un código válido");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count())
        .isEqualTo(casesBefore);
  }

  @Test
  void aStartThatClaimsToBeValidatedAlreadyIsValidatedAllTheSame() {
    Map<String, Object> form = startForm();
    form.put("jurisdiction", "GT");
    // the variable that used to mark an intake validated by the API
    form.put("intakeValidated", true);

    assertThatThrownBy(() -> new Users(engine.getIdentityService()).as("police.cr", () -> submit(form)))
        .hasMessageContaining("jurisdiction: No pertenece a esta jurisdicción");
  }

  private ProcessInstance submit(Map<String, Object> form) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("NrmCaseProcess")
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definitionId, form);
  }

  /** The variables Tasklist submits for the intake form: lists and groups as JSON, numbers as Long. */
  private static Map<String, Object> startForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("jurisdiction", "CR");
    form.put("detectedAt", "2026-11-20T10:30-06:00");
    form.put("detectionChannel", "police-operation");
    form.put("detectionPlace", jsonValue("{\"country\": \"CR\", \"region\": \"Limón\"}").create());
    form.put("sex", "female");
    form.put("genderIdentity", null);
    form.put("ageYears", 15L);
    form.put("possiblyMinor", false);
    form.put("nationality", "NI");
    form.put("languages", jsonValue("[\"es\"]").create());
    form.put("accompaniedBy", "none");
    form.put("migrationStatus", "irregular");
    form.put("acts", jsonValue("[\"recruitment\", \"harbouring\"]").create());
    form.put("means", jsonValue("[]").create());
    form.put("purposes", jsonValue("[\"sexual-exploitation\"]").create());
    form.put("smuggling", jsonValue("{\"paidForIrregularEntry\": false}").create());
    form.put("needs", jsonValue("{\"medicalUrgency\": \"none\", \"shelter\": true}").create());
    form.put("wantsToFileComplaint", "undecided");
    form.put("wishesToReturn", "undecided");
    form.put("identity_givenNames", "Formulario");
    form.put("identity_documentNumber", "FORM-0001");
    return form;
  }
}
