package org.nrm.benchmark;

import java.net.http.HttpRequest;
import java.util.List;

/**
 * What a coordinator watches, as {@code coordination.cr} and as {@code admin}: Cockpit's list of a
 * process definition's running instances, exactly as Cockpit 7.24 asks for it (its
 * {@code process-instances-table} view: first the count, then the page of 50 sorted by start time,
 * both POSTed to the cockpit plugin API with the definition's id), and the history of one case's
 * tasks through the engine REST API.
 */
final class CoordinatorQueries {

  static final String USER = "coordination.cr";
  private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default/process-instance";

  private final Http http;
  private final ExpectedRows expected;
  private final QueryProbe probe;

  CoordinatorQueries(Http http, ExpectedRows expected, QueryProbe probe) {
    this.http = http;
    this.expected = expected;
    this.probe = probe;
  }

  void measureCockpit() {
    String definition = expected.busiestCaseDefinition();
    String countBody = "{\"processDefinitionId\":\"" + definition + "\"}";
    String listBody = "{\"firstResult\":0,\"maxResults\":50,\"sortBy\":\"startTime\",\"sortOrder\":\"desc\",\"processDefinitionId\":\""
        + definition + "\"}";
    for (String user : List.of(USER, TasklistQueries.ADMIN)) {
      long instances = expected.runningInstances(definition, user.equals(USER) ? TasklistQueries.TENANT : null);
      Http.Session cockpit = http.login("cockpit", user, "demo");
      HttpRequest count = cockpit.request(COCKPIT + "/count").header("Content-Type", "application/json")
          .header("Accept", "application/json").POST(Http.json(countBody)).build();
      HttpRequest list = cockpit.request(COCKPIT + "?firstResult=0&maxResults=50&sortBy=startTime&sortOrder=desc")
          .header("Content-Type", "application/json").header("Accept", "application/json").POST(Http.json(listBody)).build();
      probe.measure("cockpit", "Cockpit instances of NrmCaseProcess: count", user, instances + " cases",
          () -> cockpit.send(count), TasklistQueries.count(instances));
      probe.measure("cockpit", "Cockpit instances of NrmCaseProcess: page of 50", user, instances + " cases",
          () -> cockpit.send(list), TasklistQueries.rows(Math.min(50, instances)));
    }
  }

  void measureHistory() {
    String[] someCase = expected.caseWithLongHistory(TasklistQueries.TENANT);
    long ofCase = expected.historicTasksOfCase(someCase[0]);
    long ofInstance = expected.historicTasksOfInstance(someCase[1]);
    for (String user : List.of(USER, TasklistQueries.ADMIN)) {
      probe.measure("history", "GET /engine-rest/history/task?processInstanceBusinessKey", user, ofCase + " tasks of " + someCase[0],
          () -> http.send(http.as(user, "/engine-rest/history/task?processInstanceBusinessKey=" + someCase[0]).GET().build()),
          TasklistQueries.rows(ofCase));
      probe.measure("history", "GET /engine-rest/history/task?processInstanceId", user, ofInstance + " tasks",
          () -> http.send(http.as(user, "/engine-rest/history/task?processInstanceId=" + someCase[1]).GET().build()),
          TasklistQueries.rows(ofInstance));
    }
  }
}
