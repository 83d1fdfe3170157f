package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.nrm.identity.IdentityVault;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/cases: a case from the intake JSON, refused whole when anything is wrong. */
@NrmIntegrationTest
class CaseIntakeIntegrationTest {

  static final String GIVEN_NAMES = "Ximena Guadalupe";
  static final String DOCUMENT_NUMBER = "C98765432";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired IdentityVault vault;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aValidIntakeOpensACaseWithItsNumberAndLocation() throws Exception {
    ResponseEntity<String> response = post("police.cr", childIntake(), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseId = json.readTree(response.getBody()).get("caseId").asText();
    assertThat(caseId).matches("CR-" + OffsetDateTime.now().getYear() + "-\\d{6}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);
    var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(instance.getProcessDefinitionId()).startsWith("NrmCaseProcess:");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    assertThat(variables).containsEntry("jurisdiction", "CR").containsEntry("ageYears", 15)
        .containsEntry("wishesToReturn", "undecided").doesNotContainKey("identity");
    assertThat(variables.get("acts").toString()).isEqualTo("[\"recruitment\",\"harbouring\"]");
  }

  @Test
  void casesOfAJurisdictionAreNumberedInSequence() throws Exception {
    int first = sequenceOf(post("police.cr", childIntake(), null));
    int second = sequenceOf(post("health.cr", childIntake(), null));

    assertThat(second).isEqualTo(first + 1);
  }

  @Test
  void theRulesScreenTheCaseAndTheResponseTeamReviewsIt() throws Exception {
    String caseId = caseIdOf(post("police.cr", childIntake(), null));
    String instanceId = runScreening(caseId);

    assertThat(engine.getRuntimeService().getVariable(instanceId, "classification")).isEqualTo("presumed-trafficking-victim");
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_ReviewScreening");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
        .extracting("groupId").containsExactly("response-team");
  }

  @Test
  void theIdentityIsKeptInTheVaultAndNeverReachesTheEngine() throws Exception {
    String caseId = caseIdOf(post("police.cr", childIntake(), null));
    String instanceId = runScreening(caseId);
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    engine.getTaskService().complete(task.getId(), Map.of("immediateAssistanceCoordinated", true));

    assertThat(vault.read(caseId, "test", "verificación").orElseThrow().documentNumber()).isEqualTo(DOCUMENT_NUMBER);
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_ge_bytearray", "act_hi_procinst")) {
      String contents = jdbc.queryForList("select * from " + table).toString()
          + jdbc.queryForList("select * from " + table).stream().flatMap(row -> row.values().stream())
              .filter(byte[].class::isInstance).map(bytes -> new String((byte[]) bytes)).toList();
      assertThat(contents).as(table).doesNotContain(GIVEN_NAMES, DOCUMENT_NUMBER);
    }
  }

  @Test
  void everyTextAtItsBoundIsStoredEvenInFourByteCharacters() throws Exception {
    ObjectNode intake = childIntake();
    // U+1D4D0, four bytes in UTF-8 and two UTF-16 units: the worst case for the vault and the engine
    String wide = "\uD835\uDCD0";
    intake.put("genderIdentity", wide.repeat(200));
    ((ObjectNode) intake.get("detectionPlace")).put("region", wide.repeat(200));
    ObjectNode identity = intake.putObject("identity");
    IntakeSchema.document().at("/properties/identity/properties").fields().forEachRemaining(field ->
        identity.put(field.getKey(), wide.repeat(field.getValue().get("maxLength").asInt())));

    String caseId = caseIdOf(post("police.cr", intake, null));

    assertThat(vault.read(caseId, "test", "verificación").orElseThrow().address()).isEqualTo(wide.repeat(300));
    var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "genderIdentity")).isEqualTo(wide.repeat(200));
  }

  @Test
  void aDuplicateInAListIsRefusedNotDropped() throws Exception {
    ObjectNode intake = childIntake();
    intake.putArray("languages").add("es").add("en").add("es");

    JsonNode body = json.readTree(post("police.cr", intake, null).getBody());

    assertThat(body.at("/fields/0/field").asText()).isEqualTo("languages");
    assertThat(body.at("/fields/0/message").asText()).isEqualTo("no puede repetir elementos: «es» aparece más de una vez");
  }

  @Test
  void missingRequiredFieldsAreRefusedAndNothingIsCreated() throws Exception {
    long casesBefore = casesOpened();

    ResponseEntity<String> response = post("police.cr", json.createObjectNode(), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("error").asText()).contains("no se creó ningún caso");
    assertThat(fields(body)).contains("jurisdiction", "detectedAt", "detectionChannel", "detectionPlace", "sex",
        "nationality", "migrationStatus");
    assertThat(body.at("/fields/0/message").asText()).isNotBlank();
    assertThat(casesOpened()).isEqualTo(casesBefore);
  }

  @Test
  void unknownCodesAreRefusedFieldByField() throws Exception {
    ObjectNode intake = childIntake();
    intake.putArray("acts").add("recruitment").add("kidnapping");
    intake.put("sex", "woman");
    intake.with("needs").put("medicalUrgency", "critical");

    JsonNode body = json.readTree(post("police.cr", intake, null).getBody());

    assertThat(fields(body)).containsExactlyInAnyOrder("acts[1]", "sex", "needs.medicalUrgency");
    assertThat(body.toString()).contains("«kidnapping» no es un código válido", "valores: recruitment");
  }

  @Test
  void aDetectionInTheFutureIsRefused() throws Exception {
    ObjectNode intake = childIntake();
    intake.put("detectedAt", OffsetDateTime.now().plusDays(1).toString());

    JsonNode body = json.readTree(post("police.cr", intake, null).getBody());

    assertThat(body.at("/fields/0/field").asText()).isEqualTo("detectedAt");
    assertThat(body.at("/fields/0/message").asText()).isEqualTo("no puede estar en el futuro");
  }

  @Test
  void malformedJsonIsRefused() throws Exception {
    long casesBefore = casesOpened();
    HttpHeaders headers = jsonHeaders(null);

    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo")
        .postForEntity("/api/cases", new HttpEntity<>("{\"jurisdiction\": \"CR\",", headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("error").asText()).contains("no es JSON válido");
    assertThat(casesOpened()).isEqualTo(casesBefore);
  }

  @Test
  void anUnknownFieldIsRefused() throws Exception {
    ObjectNode intake = childIntake();
    intake.put("victimName", "x");

    JsonNode body = json.readTree(post("police.cr", intake, null).getBody());

    assertThat(body.at("/fields/0/field").asText()).isEqualTo("victimName");
    assertThat(body.at("/fields/0/message").asText()).isEqualTo("campo desconocido");
  }

  @Test
  void aRetriedRequestReturnsTheFirstCase() throws Exception {
    String key = UUID.randomUUID().toString();
    ResponseEntity<String> first = post("police.cr", childIntake(), key);
    ResponseEntity<String> retry = post("police.cr", childIntake(), key);

    String caseId = caseIdOf(first);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(caseIdOf(retry)).isEqualTo(caseId);
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
        .isEqualTo(1);
  }

  @Test
  void anIdempotencyKeyReusedForAnotherRequestIsAConflict() throws Exception {
    String key = UUID.randomUUID().toString();
    post("police.cr", childIntake(), key);
    ObjectNode other = childIntake();
    other.put("ageYears", 16);

    ResponseEntity<String> response = post("police.cr", other, key);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void openingACaseNeedsCredentials() {
    ResponseEntity<String> response = rest.postForEntity("/api/cases", new HttpEntity<>(childIntake().toString(), jsonHeaders(null)),
        String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void coordinatorsFindTheCaseAtItsLocationAndOtherInstitutionsDoNot() throws Exception {
    String caseId = caseIdOf(post("police.cr", childIntake(), null));

    assertThat(rest.withBasicAuth("coordination.cr", "demo").getForEntity("/api/cases/" + caseId, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("labour.cr", "demo").getForEntity("/api/cases/" + caseId, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** A 15-year-old recruited and harboured for sexual exploitation, with identity. */
  ObjectNode childIntake() {
    try {
      return (ObjectNode) json.readTree("""
          {
            "jurisdiction": "CR",
            "detectedAt": "2026-11-20T10:30:00-06:00",
            "detectionChannel": "police-operation",
            "detectionPlace": {"country": "CR", "region": "Limón"},
            "sex": "female",
            "ageYears": 15,
            "possiblyMinor": false,
            "nationality": "NI",
            "languages": ["es"],
            "accompaniedBy": "none",
            "migrationStatus": "irregular",
            "fearOfReturn": false,
            "acts": ["recruitment", "harbouring"],
            "means": [],
            "purposes": ["sexual-exploitation"],
            "crossedBorder": true,
            "riskFactors": ["documents-retained"],
            "needs": {"medicalUrgency": "urgent", "shelter": true, "interpreter": false},
            "openProceedingsAgainstPerson": false,
            "wantsToFileComplaint": "undecided",
            "identity": {"givenNames": "%s", "familyNames": "López", "documentNumber": "%s"}
          }
          """.formatted(GIVEN_NAMES, DOCUMENT_NUMBER));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> post(String userId, ObjectNode intake, String idempotencyKey) {
    return rest.withBasicAuth(userId, "demo").postForEntity("/api/cases", new HttpEntity<>(intake.toString(), jsonHeaders(idempotencyKey)),
        String.class);
  }

  private static HttpHeaders jsonHeaders(String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return headers;
  }

  private String runScreening(String caseId) {
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .singleResult().getId();
    // the screening runs within the intake; a job screens only a case whose rules failed
    for (Job retry : engine.getManagementService().createJobQuery().processInstanceId(instanceId).messages().list()) {
      engine.getManagementService().executeJob(retry.getId());
    }
    return instanceId;
  }

  private String caseIdOf(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(response.getBody()).get("caseId").asText();
  }

  private int sequenceOf(ResponseEntity<String> response) throws Exception {
    String caseId = caseIdOf(response);
    return Integer.parseInt(caseId.substring(caseId.lastIndexOf('-') + 1));
  }

  private long casesOpened() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count()
        + jdbc.queryForObject("select count(*) from nrm_identity", Long.class)
        + jdbc.queryForObject("select coalesce(sum(last_value), 0) from nrm_case_sequence", Long.class);
  }

  private static List<String> fields(JsonNode body) {
    return body.get("fields").findValuesAsText("field");
  }
}
