package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Analysts replace the rules at runtime; what does not compile is refused and changes nothing. */
@NrmIntegrationTest
class RuleSetReplacementIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CaseDecisionService decisions;
  @Autowired RuleSetActivation activation;
  @Autowired ProcessEngine engine;

  @AfterEach
  void restoreTheShippedRules() {
    activation.replace(ClasspathRules.files(), "test-cleanup", "Reglas de la prueba: test-cleanup");
  }

  @Test
  void anAnalystReplacesTheRulesAndNewDecisionsRecordTheNewVersion() throws Exception {
    String before = decisions.active().version();
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("deadlines.yml", files.get("deadlines.yml").replace("child-protection-notification: 24h", "child-protection-notification: 12h"));

    ResponseEntity<String> response = upload("analysts.cr", zip(files));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String version = json.readTree(response.getBody()).get("version").asText();
    assertThat(version).isNotEqualTo(before);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(version).singleResult().getSource())
        .contains("analysts.cr");
    CaseDecisions decided = decisions.decideAll(Cases.aged(10).facts());
    assertThat(decided.ruleSetVersion()).isEqualTo(version);
    assertThat(decided.referrals()).anySatisfy(referral -> {
      assertThat(referral.institution()).isEqualTo("child-protection");
      assertThat(referral.dueInHours()).isEqualTo(12);
    });
  }

  @Test
  void aRuleSetThatDoesNotCompileIsRefusedWithDroolsMessagesAndTheRunningRulesStay() throws Exception {
    String before = decisions.active().version();
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("screening/broken.drl", "package rules.screening\n\nrule \"Regla rota\"\nwhen\n  Screening(nonexistentField == 1)\nthen\nend\n");

    ResponseEntity<String> response = upload("analysts.cr", zip(files));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("error").asText()).contains("las reglas en uso no cambiaron");
    assertThat(body.get("details").toString()).contains("screening/broken.drl");
    assertThat(decisions.active().version()).isEqualTo(before);
    assertThat(decisions.decideAll(Cases.aged(10).facts()).ruleSetVersion()).isEqualTo(before);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  @Test
  void somethingThatIsNotAZipIsRefused() throws Exception {
    ResponseEntity<String> response = upload("analysts.cr", "not a zip".getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("error").asText()).contains("ZIP");
  }

  @Test
  void onlyAnalystsReplaceTheRules() throws Exception {
    String before = decisions.active().version();

    ResponseEntity<String> response = upload("police.cr", zip(ClasspathRules.files()));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(response.getBody()).get("error").asText()).contains("analysts");
    assertThat(decisions.active().version()).isEqualTo(before);
  }

  @Test
  void replacingTheRulesNeedsCredentials() {
    ResponseEntity<String> response = rest.postForEntity("/api/rule-sets", new HttpEntity<>(new byte[0], zipHeaders()), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void everyNodeSwitchesToARuleSetThatAnotherNodeStored() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("deadlines.yml", files.get("deadlines.yml").replace("emergency-medical-care: 1h", "emergency-medical-care: 2h"));
    String storedElsewhere = new RuleSetStore(engine.getRepositoryService()).deployFromAnalyst(files, "other-node", "Reglas de otro nodo en la prueba");

    activation.refresh();

    assertThat(decisions.active().version()).isEqualTo(storedElsewhere);
  }

  @Test
  void aRuleSetWithoutADeadlineTheModelsInUseNameIsRefused() throws Exception {
    String before = decisions.active().version();
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("deadlines.yml", files.get("deadlines.yml").replaceFirst("\\n  immediate-assistance: [^\\n]*", ""));

    ResponseEntity<String> response = upload("analysts.cr", zip(files));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).get("details").toString())
        .contains("deadlines.yml ya no tiene el plazo «immediate-assistance», que usa NrmCaseProcess");
    assertThat(decisions.active().version()).isEqualTo(before);
  }

  @Test
  void aRuleSetThatDoesNotSayWhyIsRefused() throws Exception {
    String before = decisions.active().version();

    ResponseEntity<String> response = rest.withBasicAuth("analysts.cr", "demo")
        .postForEntity("/api/rule-sets", new HttpEntity<>(zip(new HashMap<>(ClasspathRules.files())), zipHeaders()), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(response.getBody()).at("/fields/0/field").asText()).isEqualTo("comment");
    assertThat(decisions.active().version()).isEqualTo(before);
  }

  @Test
  void theActiveRuleSetListsItsRulesByDomain() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("coordination.cr", "demo").getForEntity("/api/rule-sets/active", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("version").asText()).isEqualTo(decisions.active().version());
    assertThat(body.at("/rules/screening").toString()).contains("Una niña, niño o adolescente no necesita medios");
    assertThat(body.get("files").toString()).contains("deadlines.yml");
  }

  private ResponseEntity<String> upload(String userId, byte[] body) {
    return rest.withBasicAuth(userId, "demo").postForEntity("/api/rule-sets?comment=Reglas de la prueba de reemplazo", new HttpEntity<>(body, zipHeaders()), String.class);
  }

  private static HttpHeaders zipHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/zip"));
    return headers;
  }

  /** A ZIP of a rules folder, as `zip -r rules.zip rules` makes it. */
  static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry("rules/" + file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
