package org.nrm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Jobs and job definitions as an administrator handles them through the engine REST API of a node
 * (the demo's {@code admin}): suspending and activating a job definition with its jobs, a job due
 * at once. Nothing is done behind the engine's back.
 */
public final class JobsThroughEngineRest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The engine REST API's date format. */
  private static final DateTimeFormatter DUE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);

  private final String engineRest;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public JobsThroughEngineRest(String nodeBaseUrl) {
    this.engineRest = nodeBaseUrl + "/engine-rest";
  }

  /** A job as the API lists it: its id, and whether it is suspended. */
  public record Job(String id, boolean suspended) {}

  /** The job definitions of a process's activity, in every version and tenant. */
  public List<String> jobDefinitionIds(String processDefinitionKey, String activityId) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode definition : get("/job-definition?processDefinitionKey=" + encode(processDefinitionKey) + "&activityIdIn="
        + encode(activityId))) {
      ids.add(definition.get("id").asText());
    }
    return ids;
  }

  /** Suspends or activates a job definition and its jobs; jobs created while it is suspended are suspended too. */
  public void suspendJobDefinition(String jobDefinitionId, boolean suspended) throws Exception {
    send("PUT", "/job-definition/" + jobDefinitionId + "/suspended", "{\"suspended\": " + suspended + ", \"includeJobs\": true}");
  }

  public List<Job> jobsOf(String jobDefinitionId) throws Exception {
    List<Job> jobs = new ArrayList<>();
    for (JsonNode job : get("/job?jobDefinitionId=" + jobDefinitionId)) {
      jobs.add(new Job(job.get("id").asText(), job.get("suspended").asBoolean()));
    }
    return jobs;
  }

  /** The job due now: a timer is then as if its deadline had passed. */
  public void makeDueNow(String jobId) throws Exception {
    String now = DUE_DATE.format(Instant.now().minusSeconds(1));
    send("PUT", "/job/" + jobId + "/duedate", "{\"duedate\": \"" + now + "\", \"cascade\": false}");
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> answer = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + answer.statusCode() + " " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  private void send(String method, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> answer = client.send(request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 204) {
      throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(engineRest + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
