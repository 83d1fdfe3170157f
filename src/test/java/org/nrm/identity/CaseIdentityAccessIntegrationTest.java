package org.nrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The identity is shown only to the institution whose open task needs it, and every read is recorded. */
@NrmIntegrationTest
class CaseIdentityAccessIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityVault vault;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void theShelterAdmittingThePersonSeesTheIdentityAndTheReadIsRecorded() throws Exception {
    String caseId = caseWithIdentity();
    String referral = referTo(caseId, "shelter");
    acceptReferral(referral);

    ResponseEntity<String> response = identityAs("shelter.cr", caseId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(response.getBody()).get("givenNames").asText()).isEqualTo("Lucía");
    assertThat(vault.accessesTo(caseId)).singleElement().satisfies(access -> {
      assertThat(access.userId()).isEqualTo("shelter.cr");
      assertThat(access.purpose()).isEqualTo("Tarea: Prestar el servicio y reportar el resultado");
    });
  }

  @Test
  void aTaskThatDoesNotNeedTheIdentityDoesNotShowIt() {
    String caseId = caseWithIdentity();
    acceptReferral(referTo(caseId, "health"));
    referTo(caseId, "shelter");

    assertThat(identityAs("health.cr", caseId).getStatusCode()).as("health's service task").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityAs("shelter.cr", caseId).getStatusCode()).as("shelter has not accepted yet").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityAs("coordination.cr", caseId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityAs("police.cr", caseId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(vault.accessesTo(caseId)).as("refused reads reveal and record nothing").isEmpty();
  }

  @Test
  void onceTheTaskIsDoneTheIdentityIsNoLongerShown() {
    String caseId = caseWithIdentity();
    String referral = referTo(caseId, "shelter");
    acceptReferral(referral);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(referral).singleResult().getId(),
        Map.of("serviceOutcome", "delivered"));

    assertThat(identityAs("shelter.cr", caseId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theShelterSeesTheIdentityInItsTaskFormAndHealthDoesNotInItsOwn() throws Exception {
    String caseId = caseWithIdentity();
    String shelter = referTo(caseId, "shelter");
    String health = referTo(caseId, "health");
    acceptReferral(shelter);
    acceptReferral(health);

    var shelterForm = json.readTree(formVariablesAs("shelter.cr", taskOf(shelter)).getBody());
    var healthForm = json.readTree(formVariablesAs("health.cr", taskOf(health)).getBody());

    assertThat(shelterForm.at("/identity_givenNames/value").asText()).isEqualTo("Lucía");
    assertThat(shelterForm.has("reason")).as("the task's own variables are still there").isTrue();
    assertThat(healthForm.toString()).doesNotContain("identity_", "Lucía");
    assertThat(vault.accessesTo(caseId)).singleElement().satisfies(access -> assertThat(access.userId()).isEqualTo("shelter.cr"));
    assertThat(engine.getRuntimeService().getVariables(shelter)).as("shown, never stored").doesNotContainKey("identity_givenNames");
  }

  private String taskOf(String referral) {
    return engine.getTaskService().createTaskQuery().processInstanceId(referral).singleResult().getId();
  }

  private ResponseEntity<String> formVariablesAs(String userId, String taskId) {
    return rest.withBasicAuth(userId, "demo").getForEntity("/engine-rest/task/{id}/form-variables", String.class, taskId);
  }

  private String caseWithIdentity() {
    String caseId = "TEST-" + UUID.randomUUID();
    vault.store(caseId, new IdentityRecord("Lucía", "Mora", null, null, null, null, null, null), "police.cr");
    return caseId;
  }

  /** A referral to the institution as a whole (none of its providers in the directory chosen). */
  private String referTo(String caseId, String institution) {
    String referral = engine.getRuntimeService().startProcessInstanceByKey("ReferralProcess", caseId, Map.of(
        "jurisdiction", "CR", "institution", institution, "reason", "Prueba", "dueInHours", 24, "workingDays", false)).getId();
    new InstitutionTasks(engine).toTheInstitution(referral);
    return referral;
  }

  private void acceptReferral(String referral) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(referral).singleResult().getId(),
        Map.of("referralDecision", "accepted"));
  }

  private ResponseEntity<String> identityAs(String userId, String caseId) {
    return rest.withBasicAuth(userId, "demo").getForEntity("/api/cases/{caseId}/identity", String.class, caseId);
  }
}
