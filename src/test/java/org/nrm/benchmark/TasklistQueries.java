package org.nrm.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An institution's task list and count, as {@code response-team.cr} and as {@code admin}: the engine
 * REST query, and the three shared Tasklist filters exactly as Tasklist 7.24 calls them. Tasklist's
 * code (camunda-webapp-webjar 7.24.0, tasklist's {@code taskListQuery} and the SDK's
 * {@code filter.getTasks}) posts {@code filter/{id}/list?firstResult=0&maxResults=15} with
 * {@code Accept: application/hal+json} and the body below; the HAL answer carries the page and the
 * count (the engine runs both queries), so that one request is Tasklist's list and count. The
 * separate {@code GET filter/{id}/count} is measured as well. {@code admin}'s own groups hold no
 * tasks: it runs the same filter queries with the group (and the assignee) given explicitly.
 */
final class TasklistQueries {

  static final String GROUP = "response-team";
  static final String USER = "response-team.cr";
  static final String TENANT = "CR";
  static final String ADMIN = "admin";
  private static final String ENGINE = "/camunda/api/engine/engine/default";
  /** Tasklist's request body for the first page, sorted by creation (its default). */
  private static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  private final Http http;
  private final ExpectedRows expected;
  private final QueryProbe probe;

  TasklistQueries(Http http, ExpectedRows expected, QueryProbe probe) {
    this.http = http;
    this.expected = expected;
    this.probe = probe;
  }

  void measure() {
    restQueries();
    Http.Session user = http.login("tasklist", USER, "demo");
    Http.Session admin = http.login("tasklist", ADMIN, "demo");
    Map<String, String> shared = sharedFilters();
    Map<String, String> explicit = explicitFilters(shared);
    filter(user, USER, TasklistFilterNames.MY_INSTITUTION, shared, expected.candidateTasks(GROUP, TENANT, true, false));
    filter(admin, ADMIN, TasklistFilterNames.MY_INSTITUTION, explicit, expected.candidateTasks(GROUP, null, true, false));
    filter(user, USER, TasklistFilterNames.MINE, shared, expected.assignedTasks(USER));
    filter(admin, ADMIN, TasklistFilterNames.MINE, explicit, expected.assignedTasks(USER));
    filter(user, USER, TasklistFilterNames.OVERDUE, shared, expected.candidateTasks(GROUP, TENANT, true, true));
    filter(admin, ADMIN, TasklistFilterNames.OVERDUE, explicit, expected.candidateTasks(GROUP, null, true, true));
  }

  private void restQueries() {
    String list = "/engine-rest/task?candidateGroup=" + GROUP + "&maxResults=15&sortBy=created&sortOrder=desc";
    String count = "/engine-rest/task/count?candidateGroup=" + GROUP;
    for (String user : List.of(USER, ADMIN)) {
      long tasks = expected.candidateTasks(GROUP, user.equals(ADMIN) ? null : TENANT, false, false);
      probe.measure("tasklist", "GET /engine-rest/task (page of 15)", user, tasks + " tasks",
          () -> http.send(http.as(user, list).GET().build()), rows(Math.min(15, tasks)));
      probe.measure("tasklist", "GET /engine-rest/task/count", user, tasks + " tasks",
          () -> http.send(http.as(user, count).GET().build()), count(tasks));
    }
  }

  private void filter(Http.Session session, String user, String name, Map<String, String> filters, long tasks) {
    String id = filters.get(name);
    HttpRequest list = session.request(ENGINE + "/filter/" + id + "/list?firstResult=0&maxResults=15")
        .header("Accept", Http.HAL).header("Content-Type", "application/json").POST(Http.json(TASKLIST_BODY)).build();
    probe.measure("tasklist", "Tasklist «" + name + "» (list+count)", user, tasks + " tasks", () -> session.send(list), answer -> {
      JsonNode body = answer.json();
      int rows = body.path("_embedded").path("task").size();
      long count = body.path("count").asLong(-1);
      return rows == Math.min(15, tasks) && count == tasks ? null : "expected " + tasks + " (page " + Math.min(15, tasks)
          + "), got count " + count + " and " + rows + " rows";
    });
    HttpRequest count = session.request(ENGINE + "/filter/" + id + "/count").header("Accept", "application/json").GET().build();
    probe.measure("tasklist", "GET filter «" + name + "»/count", user, tasks + " tasks", () -> session.send(count), count(tasks));
  }

  /** The shared filters' ids by name (owner: nobody). */
  private Map<String, String> sharedFilters() {
    Map<String, String> ids = new LinkedHashMap<>();
    for (JsonNode filter : http.expect(http.as(ADMIN, "/engine-rest/filter?resourceType=Task").GET().build())) {
      if (filter.path("owner").isNull() && TasklistFilterNames.ALL.contains(filter.path("name").asText())) {
        ids.putIfAbsent(filter.path("name").asText(), filter.path("id").asText());
      }
    }
    if (ids.size() != TasklistFilterNames.ALL.size()) {
      throw new IllegalStateException("the shared Tasklist filters are missing: found " + ids.keySet());
    }
    return ids;
  }

  /** admin's copies of the shared filters, with response-team (and response-team.cr) in place of the expressions. */
  private Map<String, String> explicitFilters(Map<String, String> shared) {
    Map<String, String> ids = new LinkedHashMap<>();
    shared.forEach((name, id) -> {
      ObjectNode query = (ObjectNode) http.expect(http.as(ADMIN, "/engine-rest/filter/" + id).GET().build()).path("query");
      if (query.remove("candidateGroupsExpression") != null) {
        query.putArray("candidateGroups").add(GROUP);
      }
      if (query.remove("assigneeExpression") != null) {
        query.put("assignee", USER);
      }
      Map<String, Object> filter = Map.of("resourceType", "Task", "name", "benchmark: " + name, "owner", ADMIN, "query", query,
          "properties", Map.of());
      ids.put(name, http.expect(http.as(ADMIN, "/engine-rest/filter/create").header("Content-Type", "application/json")
          .POST(Http.json(filter)).build()).path("id").asText());
    });
    return ids;
  }

  static Function<Http.Answer, String> rows(long rows) {
    return answer -> answer.json().size() == rows ? null : "expected " + rows + " rows, got " + answer.json().size();
  }

  static Function<Http.Answer, String> count(long count) {
    return answer -> answer.json().path("count").asLong(-1) == count ? null
        : "expected count " + count + ", got " + answer.json().path("count");
  }
}
