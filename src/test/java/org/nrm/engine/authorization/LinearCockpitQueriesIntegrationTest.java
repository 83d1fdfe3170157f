package org.nrm.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.Users;
import org.nrm.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit's list of a definition's running instances and its count, through Cockpit's API as a
 * coordinator uses it: the linear statements answer what Cockpit's own statements answer, for every
 * kind of user, and what the engine's own process instance query lets that user see.
 */
@NrmIntegrationTest
class LinearCockpitQueriesIntegrationTest {

  private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default/process-instance";
  private static final List<String> USERS = List.of("coordination.cr", "coordination.gt", "analysts.cr", "admin");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  String definitionId;
  List<ProcessInstance> crCases = new ArrayList<>();
  List<Authorization> addedGrants = new ArrayList<>();
  List<String> waitingExecutions = new ArrayList<>();
  List<String> startedCases = new ArrayList<>();

  @BeforeEach
  void casesInBothJurisdictions() {
    InstitutionTasks tasks = new InstitutionTasks(engine);
    for (String jurisdiction : List.of("CR", "GT")) {
      for (String institution : List.of("police", "health", "shelter")) {
        Task task = tasks.taskFor(institution, jurisdiction);
        startedCases.add(task.getProcessInstanceId());
        if (jurisdiction.equals("CR")) {
          crCases.add(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
              .singleResult());
          waitingExecutions.add(task.getExecutionId());
        }
      }
    }
    definitionId = crCases.get(0).getProcessDefinitionId();
    // two incidents of the first case and one of the second: "only instances with incidents" joins
    // the first case twice, which must not take a place of its own on a page
    engine.getRuntimeService().createIncident("nrm-test", waitingExecutions.get(0), "prueba");
    engine.getRuntimeService().createIncident("nrm-test", waitingExecutions.get(0), "otra");
    engine.getRuntimeService().createIncident("nrm-test", waitingExecutions.get(1), "prueba");
  }

  @AfterEach
  void removeTheGrantsAndTheCasesOfThisTest() {
    addedGrants.forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
    // their incidents with them
    engine.getRuntimeService().deleteProcessInstances(startedCases, "test", true, true);
  }

  @Test
  void cockpitRunsTheLinearStatements() {
    assertThat(Cockpit.getRuntimeDelegate()).isInstanceOf(LinearCockpitRuntimeDelegate.class);
  }

  @Test
  void everyUserSeesWhatCockpitsOwnStatementsAndTheEngineLetThemSee() throws Exception {
    for (String userId : USERS) {
      CockpitSession cockpit = CockpitSession.login(port, userId);
      for (Map.Entry<String, String> query : queries().entrySet()) {
        Page linear = cockpit.page(query.getValue());
        Page cockpitsOwn = withCockpitsOwnStatements(() -> cockpit.page(query.getValue()));

        assertThat(linear.ids()).as(userId + ": " + query.getKey()).containsExactlyInAnyOrderElementsOf(cockpitsOwn.ids());
        assertThat(linear.startTimes()).as(userId + ": order of " + query.getKey()).isEqualTo(cockpitsOwn.startTimes());
        assertThat(linear.count()).as(userId + ": count of " + query.getKey()).isEqualTo(cockpitsOwn.count());
      }
      List<String> enginesOwn = new Users(engine.getIdentityService()).as(userId, () -> engine.getRuntimeService()
          .createProcessInstanceQuery().processDefinitionId(definitionId).list().stream().map(ProcessInstance::getId).toList());
      assertThat(cockpit.page(queries().get("every instance")).ids()).as(userId + ": as the engine's query")
          .containsExactlyInAnyOrderElementsOf(enginesOwn);
    }
  }

  @Test
  void onlyTheCasesWithIncidentsAreListedWithTheirIncidents() throws Exception {
    JsonNode listed = CockpitSession.login(port, "coordination.cr").post(COCKPIT, queries().get("with incidents only"));
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    listed.forEach(instance -> byId.put(instance.path("id").asText(), instance));

    assertThat(byId).containsKey(crCases.get(0).getId())
        .containsKey(crCases.get(1).getId()).doesNotContainKey(crCases.get(2).getId());
    assertThat(listed.findValues("id").stream().filter(id -> id.asText().equals(crCases.get(0).getId()))).hasSize(1);
    JsonNode ofTheCase = byId.get(crCases.get(0).getId()).path("incidents");
    assertThat(ofTheCase).hasSize(1);
    assertThat(ofTheCase.get(0).path("incidentType").asText()).isEqualTo("nrm-test");
    assertThat(ofTheCase.get(0).path("incidentCount").asInt()).isEqualTo(2);
  }

  @Test
  void aCoordinatorSeesTheCasesOfTheirJurisdictionOnly() throws Exception {
    Page seen = CockpitSession.login(port, "coordination.cr").page(queries().get("every instance"));

    assertThat(seen.ids()).containsAll(crCases.stream().map(ProcessInstance::getId).toList());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(Set.copyOf(seen.ids())).list())
        .extracting(ProcessInstance::getTenantId).containsOnly("CR");
  }

  @Test
  void aUserSeesTheOneCaseGrantedToThemAndThenEveryCaseOfTheDefinition() throws Exception {
    CockpitSession analyst = CockpitSession.login(port, "analysts.cr");
    assertThat(analyst.page(queries().get("every instance")).ids()).isEmpty();

    String granted = crCases.get(1).getId();
    addedGrants.add(grant("analysts.cr", null, Resources.PROCESS_INSTANCE, granted, Permissions.READ));
    assertThat(analyst.page(queries().get("every instance")).ids()).containsExactly(granted);

    addedGrants.add(grant(null, "analysts", Resources.PROCESS_DEFINITION, InstitutionTasks.PROCESS_KEY,
        Permissions.READ_INSTANCE));
    Page all = analyst.page(queries().get("every instance"));
    assertThat(all.ids()).containsAll(crCases.stream().map(ProcessInstance::getId).toList());
    assertThat(all.count()).isEqualTo(all.ids().size());
  }

  /** Cockpit's own bodies: the definition's table, sorted and paged as Cockpit does, and its filters. */
  private Map<String, String> queries() {
    Map<String, String> queries = new LinkedHashMap<>();
    String definition = "\"processDefinitionId\":\"" + definitionId + "\"";
    queries.put("every instance", "{" + definition + ",\"firstResult\":0,\"maxResults\":10000,\"sortBy\":\"startTime\","
        + "\"sortOrder\":\"desc\"}");
    queries.put("second page of two, oldest first", "{" + definition + ",\"firstResult\":2,\"maxResults\":2,"
        + "\"sortBy\":\"startTime\",\"sortOrder\":\"asc\"}");
    queries.put("waiting in an activity", "{" + definition + ",\"activityIdIn\":[\"UserTask_DecideOnReferral\"],"
        + "\"firstResult\":0,\"maxResults\":10000,\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}");
    queries.put("one case by business key", "{" + definition + ",\"businessKey\":\"" + crCases.get(2).getBusinessKey()
        + "\",\"firstResult\":0,\"maxResults\":50}");
    queries.put("with incidents only", "{" + definition + ",\"withIncident\":true,\"firstResult\":0,\"maxResults\":50}");
    queries.put("with incidents only, second page of one, oldest first", "{" + definition + ",\"withIncident\":true,"
        + "\"firstResult\":1,\"maxResults\":1,\"sortBy\":\"startTime\",\"sortOrder\":\"asc\"}");
    return queries;
  }

  private static <T> T withCockpitsOwnStatements(Supplier<T> call) {
    CockpitRuntimeDelegate linear = Cockpit.getRuntimeDelegate();
    Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    try {
      return call.get();
    } finally {
      Cockpit.setCockpitRuntimeDelegate(linear);
    }
  }

  private Authorization grant(String userId, String groupId, Resources resource, String resourceId,
      org.camunda.bpm.engine.authorization.Permission permission) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    return engine.getAuthorizationService().saveAuthorization(authorization);
  }

  record Page(List<String> ids, List<String> startTimes, long count) {}

  /** A person logged in to Cockpit: its session cookie and anti-CSRF token. */
  /** A person logged in to Cockpit. */
  record CockpitSession(WebappSession session) {

    static CockpitSession login(int port, String userId) throws Exception {
      WebappSession session = WebappSession.open(port, "cockpit");
      assertThat(session.logIn(userId, "demo")).as(userId + " logs in to Cockpit").isEqualTo(200);
      return new CockpitSession(session);
    }

    /** As Cockpit asks: the criteria and sorting in the body, the paging in the URL. */
    Page page(String body) {
      JsonNode criteria = read(body);
      String paging = criteria.has("firstResult")
          ? "?firstResult=" + criteria.path("firstResult").asInt() + "&maxResults=" + criteria.path("maxResults").asInt() : "";
      JsonNode list = post(COCKPIT + paging, body);
      List<String> ids = new ArrayList<>();
      List<String> startTimes = new ArrayList<>();
      list.forEach(instance -> {
        ids.add(instance.path("id").asText());
        startTimes.add(instance.path("startTime").asText());
      });
      return new Page(ids, startTimes, post(COCKPIT + "/count", body).path("count").asLong(-1));
    }

    JsonNode post(String path, String body) {
      try {
        HttpResponse<String> answer = session.postJson(path, body);
        assertThat(answer.statusCode()).as(path + " " + body + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static JsonNode read(String json) {
      try {
        return JSON.readTree(json);
      } catch (Exception e) {
        throw new IllegalArgumentException(json, e);
      }
    }
  }
}
