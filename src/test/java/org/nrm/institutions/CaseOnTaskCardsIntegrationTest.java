package org.nrm.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Each task's card in Tasklist says which case it belongs to: its number and jurisdiction, which
 * Tasklist reads with the institution's own permissions.
 */
@NrmIntegrationTest
class CaseOnTaskCardsIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void theTasksOfANewCaseAndOfItsReferralsCarryTheCaseNumber() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00"), "police.cr");

    Task review = driver.task(opened, "UserTask_ReviewScreening");
    assertThat(engine.getTaskService().getVariablesLocal(review.getId())).containsEntry(TaskCardVariablesPlugin.CASE_NUMBER,
        opened.getBusinessKey()).containsEntry(TaskCardVariablesPlugin.JURISDICTION, "CR");

    driver.reviewAndIdentify(opened, "identified");
    driver.agreeCarePlan(opened);
    List<ProcessInstance> referrals = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(opened.getId()).processDefinitionKey("ReferralProcess").list();
    assertThat(referrals).isNotEmpty();
    for (ProcessInstance referral : referrals) {
      Task decision = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();
      assertThat(engine.getTaskService().getVariableLocal(decision.getId(), TaskCardVariablesPlugin.CASE_NUMBER))
          .as("the referral's task").isEqualTo(opened.getBusinessKey());
      assertThat(engine.getTaskService().getVariableLocal(decision.getId(), TaskCardVariablesPlugin.PROFILE))
          .as("the referral's task, from its case's decisions").isEqualTo("Persona adulta · riesgo " + spanishRisk(opened));
    }
  }

  @Test
  void tasklistReceivesTheCaseNumberAndJurisdictionWithEveryTaskOfTheSharedFilters() throws Exception {
    ProcessInstance opened = new CaseDriver(engine, rest, json)
        .open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00"), "police.cr");
    String filterId = sharedFilter(TasklistFilters.MY_INSTITUTION).getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Accept", "application/hal+json");

    JsonNode page = json.readTree(rest.withBasicAuth("response-team.cr", "demo").exchange(
        "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=1000", HttpMethod.POST,
        new HttpEntity<>("{\"processInstanceBusinessKey\": \"" + opened.getBusinessKey() + "\"}", headers), String.class).getBody());

    JsonNode task = page.path("_embedded").path("task").get(0);
    assertThat(task.path("name").asText()).isEqualTo("Revisar el tamizaje y coordinar la asistencia inmediata");
    Map<String, String> shown = new HashMap<>();
    task.path("_embedded").path("variable").forEach(variable -> shown.put(variable.path("name").asText(),
        variable.path("value").asText()));
    assertThat(shown).containsEntry("caseNumber", opened.getBusinessKey()).containsEntry("caseJurisdiction", "CR")
        .containsEntry("caseProfile", "Persona adulta · riesgo " + spanishRisk(opened));
  }

  @Test
  void everySharedFilterShowsTheCaseAndAFilterOfAnOlderVersionGetsIt() {
    for (String name : List.of(TasklistFilters.MY_INSTITUTION, TasklistFilters.MINE, TasklistFilters.OVERDUE)) {
      assertThat(sharedFilter(name).getProperties().get("variables")).as(name).isEqualTo(TasklistFilters.CARD_VARIABLES);
    }

    Filter older = sharedFilter(TasklistFilters.MINE);
    List<String> propertyNames = new ArrayList<>(older.getProperties().keySet());
    Map<String, Object> withoutVariables = new HashMap<>(older.getProperties());
    withoutVariables.remove("variables");
    engine.getFilterService().saveFilter(older.setProperties(withoutVariables));
    new TasklistFilters(engine.getFilterService(), engine.getTaskService()).ensure();

    Map<String, Object> upgraded = sharedFilter(TasklistFilters.MINE).getProperties();
    assertThat(upgraded.get("variables")).isEqualTo(TasklistFilters.CARD_VARIABLES);
    assertThat(new ArrayList<>(upgraded.keySet())).containsExactlyInAnyOrderElementsOf(propertyNames);
    assertThat(upgraded.get("description")).isEqualTo(withoutVariables.get("description"));
  }

  private String spanishRisk(ProcessInstance opened) {
    return Map.of("low", "bajo", "medium", "medio", "high", "alto", "critical", "crítico")
        .get(engine.getRuntimeService().getVariable(opened.getId(), "riskLevel"));
  }

  @Test
  void aChildsCaseSaysSoOnTheCards() throws Exception {
    ProcessInstance opened = new CaseDriver(engine, rest, json).open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:30:00-06:00")
        .replace("\"ageYears\": 34", "\"ageYears\": 14"), "police.cr");
    Task review = new CaseDriver(engine, rest, json).task(opened, "UserTask_ReviewScreening");

    assertThat((String) engine.getTaskService().getVariableLocal(review.getId(), TaskCardVariablesPlugin.PROFILE))
        .startsWith("Niña, niño o adolescente · riesgo ");
  }

  private Filter sharedFilter(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null).findFirst().orElseThrow();
  }
}
