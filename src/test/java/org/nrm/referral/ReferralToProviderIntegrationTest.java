package org.nrm.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.engine.VariableJson;
import org.nrm.identity.IdentityRecord;
import org.nrm.identity.IdentityVault;
import org.nrm.institutions.ProviderGroups;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderDirectory;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A referral to a named provider of the directory: the chooser gets the providers ranked for the
 * person and why the others are not offered, records the consent, and the referral's tasks then
 * belong to that provider's staff alone (engine, REST, Tasklist's filter); a decline offers the
 * next providers; a refusal ends the referral; a shelter's place is held while the referral lasts.
 * Two shelters of its own in Puntarenas (CR-P), where the demo directory has none.
 */
@NrmIntegrationTest
class ReferralToProviderIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ProviderDirectory directory;
  @Autowired ProviderGroups groups;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityVault vault;

  private Provider girls;
  private Provider mixed;
  private String girlsStaff;
  private String mixedStaff;

  @BeforeEach
  void twoSheltersInPuntarenasWithTheirStaff() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    girls = directory.create(shelter("Albergue de prueba Brisas " + run, List.of("adolescents"), List.of("female")),
        "coordination.cr", Set.of("CR"));
    mixed = directory.create(shelter("Albergue de prueba Mareas " + run, List.of("adolescents", "adults"), List.of("female", "male")),
        "coordination.cr", Set.of("CR"));
    girlsStaff = "brisas-" + run + ".cr";
    mixedStaff = "mareas-" + run + ".cr";
    groups.ensureDemoStaff(girlsStaff, "demo", girls.id(), girls.name(), "CR");
    groups.ensureDemoStaff(mixedStaff, "demo", mixed.id(), mixed.name(), "CR");
  }

  @Test
  void childProtectionChoosesTheShelterThatFitsAGirlAndOnlyThatSheltersStaffSeesTheReferral() throws Exception {
    String referral = referGirlToShelter();

    Task choice = task(referral, "UserTask_ChooseProvider");
    assertThat(groupOf(choice)).as("a child's referral: child protection chooses").isEqualTo("child-protection");
    List<String> offered = values(choice, "providerOptions");
    assertThat(offered).as("both shelters of her region, equal fits by name; the institution last")
        .containsSubsequence(girls.id(), mixed.id(), ProviderChoice.INSTITUTION);
    JsonNode notOffered = local(choice, "providersNotOffered");
    assertThat(rowOf(notOffered, "Casa Refugio Ficticia Sol (demo)").path("why").asText())
        .contains("No atiende a adolescentes (12 a 17 años).", "Albergue lleno: no tiene plazas libres.");
    assertThat(rowOf(local(choice, "providersOffered"), girls.name() + " (organización no gubernamental)").path("fit").asText())
        .contains("Atiende la región de la persona (CR-P).", "1 plaza libre.");

    complete(choice, choiceOf(girls.id(), "best-interests", List.of("SEX", "AGE")));

    Task decision = task(referral, "UserTask_DecideOnReferral");
    assertThat(groupOf(decision)).isEqualTo(ProviderGroups.groupOf(girls.id()));
    assertThat(visibleTo(girlsStaff, referral)).as("the provider's staff").containsExactly(decision.getId());
    assertThat(visibleTo(mixedStaff, referral)).as("another shelter of the same institution").isEmpty();
    assertThat(visibleTo("shelter.cr", referral)).as("the institution as a whole").isEmpty();
    assertThat(taskIdsThroughRest(girlsStaff, referral)).containsExactly(decision.getId());
    assertThat(taskIdsThroughRest(mixedStaff, referral)).isEmpty();
    assertThat(rest.withBasicAuth(mixedStaff, "demo").getForEntity("/engine-rest/task/" + decision.getId() + "/variables",
        String.class).getStatusCode().value()).isIn(403, 404);
    assertThat(inMyInstitutionsFilter(girlsStaff)).contains(decision.getId());
    assertThat(inMyInstitutionsFilter(mixedStaff)).doesNotContain(decision.getId());

    List<String> shown = facts(decision);
    assertThat(shown).as("what the referral is for, and what child protection agreed to share")
        .contains("Derivación a", "Prestador", "Motivo de la derivación", "Sexo", "Edad")
        .doesNotContain("Idiomas", "Nivel de riesgo", "Necesidades");
    assertThat(jdbc.queryForObject("select facts from nrm_provider_share where task_id = ?", String.class, decision.getId())
        .split(",")).containsExactlyInAnyOrder("REFERRAL", "SEX", "AGE");
    Map<String, Object> consent = jdbc.queryForMap("select * from nrm_referral_consent where referral_id = ?", referral);
    assertThat(consent).containsEntry("decision", "best-interests").containsEntry("provider_id", girls.id())
        .containsEntry("shared_facts", "SEX,AGE").containsEntry("language", "es").containsEntry("recorded_by", "sistema");
    assertThat(consent.get("reason").toString()).contains("interés superior");
  }

  @Test
  void acceptingHoldsTheShelterPlaceAFullShelterIsNotOfferedAndTheEndOfTheStayFreesIt() throws Exception {
    String first = referGirlToShelter();
    complete(task(first, "UserTask_ChooseProvider"), choiceOf(girls.id(), "best-interests", List.of()));
    complete(task(first, "UserTask_DecideOnReferral"), Map.of("referralDecision", "accepted"));
    assertThat(placesFree(girls)).as("its only place is held").isZero();
    assertThat(directory.history(girls.id()).stream().map(ProviderDirectory.Change::action).toList()).endsWith("place-held");

    String second = referGirlToShelter();
    Task choice = task(second, "UserTask_ChooseProvider");
    assertThat(values(choice, "providerOptions")).doesNotContain(girls.id()).contains(mixed.id());
    assertThat(rowOf(local(choice, "providersNotOffered"), girls.name()).path("why").asText())
        .isEqualTo("Albergue lleno: no tiene plazas libres.");
    ResponseEntity<String> refused = completeThroughRest("child-protection.cr", choice,
        choiceOf(girls.id(), "best-interests", List.of()));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).path("message").asText())
        .contains("«provider»: ese prestador no se ofrece para esta derivación. Albergue lleno: no tiene plazas libres.");
    assertThat(task(second, "UserTask_ChooseProvider").getId()).as("nothing changed").isEqualTo(choice.getId());

    complete(task(first, "UserTask_DeliverService"), Map.of("serviceOutcome", "delivered"));
    assertThat(placesFree(girls)).as("the stay ended: the place is free again").isEqualTo(1);
    assertThat(directory.history(girls.id()).stream().map(ProviderDirectory.Change::action).toList())
        .endsWith("place-held", "place-freed");
  }

  @Test
  void aShelterThatFilledWhileItsReferralWaitedCannotBeAcceptedAndIsDeclinedToTheNext() throws Exception {
    String first = referGirlToShelter();
    String second = referGirlToShelter();
    complete(task(first, "UserTask_ChooseProvider"), choiceOf(girls.id(), "best-interests", List.of()));
    complete(task(second, "UserTask_ChooseProvider"), choiceOf(girls.id(), "best-interests", List.of()));
    complete(task(first, "UserTask_DecideOnReferral"), Map.of("referralDecision", "accepted"));

    Task full = task(second, "UserTask_DecideOnReferral");
    ResponseEntity<String> refused = completeThroughRest(girlsStaff, full, Map.of("referralDecision", "accepted"));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).path("message").asText()).contains("no tiene plazas libres");
    assertThat(placesFree(girls)).isZero();

    assertThat(completeThroughRest(girlsStaff, full, Map.of("referralDecision", "declined", "declineReason", "Sin plazas"))
        .getStatusCode().value()).isEqualTo(204);
    Task again = task(second, "UserTask_ChooseProvider");
    assertThat(values(again, "providerOptions")).as("the next providers").doesNotContain(girls.id()).contains(mixed.id());
    assertThat(rowOf(local(again, "providersNotOffered"), girls.name()).path("why").asText()).isEqualTo("Ya rechazó esta derivación.");
    complete(again, choiceOf(mixed.id(), "best-interests", List.of()));
    assertThat(groupOf(task(second, "UserTask_DecideOnReferral"))).isEqualTo(ProviderGroups.groupOf(mixed.id()));
  }

  @Test
  void anAdultChoosesWithTheResponseTeamAndARefusalIsRespectedAndRecorded() {
    String referral = refer(Map.of("treatAsChild", false, "ageYears", 31, "sex", "female"));
    Task choice = task(referral, "UserTask_ChooseProvider");
    assertThat(groupOf(choice)).isEqualTo("response-team");
    assertThat(values(choice, "consentChoices")).containsExactly("given", "refused");

    complete(choice, choiceOf(mixed.id(), "refused", List.of("SEX")));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(referral).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_ConsentRefused");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(referral).count()).as("sent to no one").isZero();
    assertThat(jdbc.queryForMap("select decision, shared_facts from nrm_referral_consent where referral_id = ?", referral))
        .containsEntry("decision", "refused").containsEntry("shared_facts", "");
    assertThat(jdbc.queryForObject("select count(*) from nrm_provider_share where referral_id = ?", Integer.class, referral)).isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(referral)
        .variableName("referralState").singleResult().getValue()).isEqualTo("refused");
  }

  @Test
  void aChildsReferralNeedsTheReasonOfHerBestInterestsAndNothingChangesWithoutIt() throws Exception {
    String referral = referGirlToShelter();
    Task choice = task(referral, "UserTask_ChooseProvider");
    Map<String, Object> withoutReason = new HashMap<>(choiceOf(girls.id(), "best-interests", List.of()));
    withoutReason.remove("consentReason");

    ResponseEntity<String> refused = completeThroughRest("child-protection.cr", choice, withoutReason);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(json.readTree(refused.getBody()).path("message").asText()).contains("«consentReason»: explique por qué");
    assertThat(jdbc.queryForObject("select count(*) from nrm_referral_consent where referral_id = ?", Integer.class, referral)).isZero();
    assertThat(completeThroughRest("child-protection.cr", choice, choiceOf(girls.id(), "given", List.of())).getStatusCode().value())
        .as("an adult's consent is not child protection's decision").isEqualTo(400);
  }

  @Test
  void theProviderSeesTheIdentityOnlyAsAgreedAndAWithdrawalStopsEverySharing() throws Exception {
    String caseId = "CR-PRUEBA-" + UUID.randomUUID();
    vault.store(caseId, new IdentityRecord("Lucía", "Mora", null, null, null, null, null, null), "police.cr");
    String referral = referGirlToShelter(caseId);
    complete(task(referral, "UserTask_ChooseProvider"), choiceOf(girls.id(), "best-interests", List.of("SEX", "AGE", "IDENTITY")));
    complete(task(referral, "UserTask_DecideOnReferral"), Map.of("referralDecision", "accepted"));
    Task delivery = task(referral, "UserTask_DeliverService");
    assertThat(facts(delivery)).contains("Sexo", "Edad");
    assertThat(identityAs(girlsStaff, caseId).getStatusCode().value()).as("agreed: the shelter admitting her").isEqualTo(200);
    assertThat(identityAs(mixedStaff, caseId).getStatusCode().value()).isEqualTo(403);

    assertThat(post("police.cr", "/api/referrals/" + referral + "/consent-withdrawal", Map.of("reason", "La retiró")).getStatusCode()
        .value()).as("heard by the chooser or coordination").isEqualTo(403);
    assertThat(post("child-protection.cr", "/api/referrals/" + referral + "/consent-withdrawal", Map.of()).getStatusCode().value())
        .isEqualTo(400);
    ResponseEntity<String> withdrawn = post("child-protection.cr", "/api/referrals/" + referral + "/consent-withdrawal",
        Map.of("reason", "La adolescente pidió que el albergue no reciba más datos"));
    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(withdrawn.getBody()).path("decision").asText()).isEqualTo("withdrawn");

    assertThat(facts(task(referral, "UserTask_DeliverService"))).as("the open task shows the referral alone")
        .containsExactly("Derivación a", "Motivo de la derivación", "Consentimiento")
        .doesNotContain("Sexo");
    assertThat(identityAs(girlsStaff, caseId).getStatusCode().value()).isEqualTo(403);
    assertThat(post("child-protection.cr", "/api/referrals/" + referral + "/consent-withdrawal", Map.of("reason", "Otra vez"))
        .getStatusCode().value()).as("nothing left to withdraw").isEqualTo(409);
    JsonNode recorded = json.readTree(rest.withBasicAuth("coordination.cr", "demo")
        .getForEntity("/api/referrals/" + referral + "/consents", String.class).getBody());
    assertThat(recorded.path("consents").findValuesAsText("decision")).containsExactly("best-interests", "withdrawn");
    assertThat(recorded.path("shares").size()).as("each provider task's share").isEqualTo(2);
  }

  @Test
  void aProviderDeactivatedWhileItsReferralIsInProgressKeepsItAndIsNoLongerOffered() {
    String referral = referGirlToShelter();
    complete(task(referral, "UserTask_ChooseProvider"), choiceOf(girls.id(), "best-interests", List.of()));
    directory.deactivate(girls.id(), girls.version(), "Cierra a fin de mes", "coordination.cr");

    Task decision = task(referral, "UserTask_DecideOnReferral");
    assertThat(visibleTo(girlsStaff, referral)).as("the referral in progress stays with its provider").containsExactly(decision.getId());
    complete(decision, Map.of("referralDecision", "accepted"));
    complete(task(referral, "UserTask_DeliverService"), Map.of("serviceOutcome", "delivered"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(referral).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_ServiceDelivered");
    assertThat(directory.history(girls.id()).stream().map(ProviderDirectory.Change::action).toList())
        .containsExactly("created", "deactivated", "place-held", "place-freed");

    Task next = task(referGirlToShelter(), "UserTask_ChooseProvider");
    assertThat(values(next, "providerOptions")).as("a new referral is not offered it").doesNotContain(girls.id());
  }

  @Test
  void aProviderNotChosenInTimeIsEscalatedToCoordinationAndTheChoiceStaysOpen() {
    String referral = referGirlToShelter();
    Task choice = task(referral, "UserTask_ChooseProvider");
    assertThat(choice.getDueDate()).as("due as a reassignment is").isNotNull();
    try {
      ClockUtil.setCurrentTime(new Date(choice.getDueDate().getTime() + 60_000));
      engine.getManagementService().createJobQuery().processInstanceId(referral).timers().executable().list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    } finally {
      ClockUtil.reset();
    }
    Task escalation = task(referral, "UserTask_EscalateOverdueReferral");
    assertThat(escalation.getName()).isEqualTo("Derivación vencida: Elegir el prestador y registrar el consentimiento");
    assertThat(groupOf(escalation)).isEqualTo("coordination");
    assertThat(task(referral, "UserTask_ChooseProvider").getId()).isEqualTo(choice.getId());
  }

  private ResponseEntity<String> identityAs(String userId, String caseId) {
    return rest.withBasicAuth(userId, "demo").getForEntity("/api/cases/{caseId}/identity", String.class, caseId);
  }

  private ResponseEntity<String> post(String userId, String path, Object body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(userId, "demo").postForEntity(path, new HttpEntity<>(json.writeValueAsString(body), headers),
        String.class);
  }

  private String referGirlToShelter() {
    return referGirlToShelter("CR-PRUEBA-" + UUID.randomUUID());
  }

  private String referGirlToShelter(String caseId) {
    return refer(caseId, Map.of("treatAsChild", true, "ageYears", 15, "sex", "female"));
  }

  private String refer(Map<String, Object> person) {
    return refer("CR-PRUEBA-" + UUID.randomUUID(), person);
  }

  private String refer(String caseId, Map<String, Object> person) {
    Map<String, Object> variables = new HashMap<>(person);
    variables.putAll(Map.of("jurisdiction", "CR", "institution", "shelter", "reason", "Alojamiento seguro", "dueInHours", 24,
        "workingDays", false, "languages", jsonValue("[\"es\"]").create(),
        "detectionPlace", jsonValue("{\"subdivision\": \"CR-P\", \"country\": \"CR\"}").create()));
    return engine.getRuntimeService().startProcessInstanceByKey("ReferralProcess", caseId, variables).getId();
  }

  private static Map<String, Object> choiceOf(String provider, String decision, List<String> facts) {
    return Map.of("provider", provider, "consentDecision", decision, "consentLanguage", "es",
        "consentReason", "Escuchada la adolescente, el albergue de su región responde a su interés superior",
        "sharedFacts", jsonValue(facts.toString().replaceAll("(\\w+)", "\"$1\"")).create());
  }

  /** A shelter of Puntarenas with one place free (equal fits are ranked by name: Brisas before Mareas). */
  private JsonNode shelter(String name, List<String> ageGroups, List<String> sexes) throws Exception {
    return json.readTree("""
        {"jurisdiction": "CR", "name": "%s", "institution": "shelter", "sector": "ngo", "services": ["shelter"],
         "regions": ["CR-P"], "serves": {"ageGroups": %s, "sexes": %s, "lgbtqi": false,
         "indigenousLanguages": [], "disabilityAccess": true}, "languages": ["es"], "capacity": 4, "placesFree": 1,
         "contacts": {"phone": "+506 2000 0999"}}
        """.formatted(name, json.writeValueAsString(ageGroups), json.writeValueAsString(sexes)));
  }

  private Task task(String referral, String key) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(referral).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }

  private String groupOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
  }

  private JsonNode local(Task task, String name) {
    return VariableJson.of(engine.getTaskService().getVariableLocal(task.getId(), name));
  }

  private List<String> values(Task task, String name) {
    return local(task, name).findValuesAsText("value");
  }

  private static JsonNode rowOf(JsonNode rows, String provider) {
    for (JsonNode row : rows) {
      if (row.path("provider").asText().equals(provider)) {
        return row;
      }
    }
    throw new AssertionError(provider + " not in " + rows);
  }

  private List<String> facts(Task task) {
    return local(task, "caseSummary").findValuesAsText("fact");
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  private int placesFree(Provider provider) {
    return directory.find(provider.id()).orElseThrow().placesFree();
  }

  /** The referral's tasks the user may see through the engine, with the user's groups and tenants. */
  private List<String> visibleTo(String userId, String referral) {
    List<String> groupIds = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).toList();
    List<String> tenantIds = engine.getIdentityService().createTenantQuery().userMember(userId).list().stream()
        .map(tenant -> tenant.getId()).toList();
    engine.getIdentityService().setAuthentication(userId, groupIds, tenantIds);
    try {
      return engine.getTaskService().createTaskQuery().processInstanceId(referral).list().stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> taskIdsThroughRest(String userId, String referral) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(userId, "demo")
        .getForEntity("/engine-rest/task?processInstanceId=" + referral, String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return json.readTree(response.getBody()).findValuesAsText("id");
  }

  /** What Tasklist's shared filter "Tareas de mi institución" lists for the user. */
  private List<String> inMyInstitutionsFilter(String userId) throws Exception {
    String filterId = engine.getFilterService().createFilterQuery().filterName("Tareas de mi institución").list().get(0).getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.withBasicAuth(userId, "demo").postForEntity("/engine-rest/filter/" + filterId
        + "/list?maxResults=2000", new HttpEntity<>("{}", headers), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return json.readTree(response.getBody()).findValuesAsText("id");
  }

  private ResponseEntity<String> completeThroughRest(String userId, Task task, Map<String, Object> variables) throws Exception {
    Map<String, Object> body = new HashMap<>();
    Map<String, Object> typed = new HashMap<>();
    variables.forEach((name, value) -> typed.put(name, value instanceof org.camunda.bpm.engine.variable.value.TypedValue
        ? Map.of("value", VariableJson.of(value).toString(), "type", "Json") : Map.of("value", value)));
    body.put("variables", typed);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(userId, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
  }
}
