package org.nrm.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JSON requests sent at the same moment, each from its own client thread, released together by a
 * latch, as a burst of hotline calls or of Tasklist submissions would arrive.
 */
public final class ConcurrentRequests {

  /** A JSON request to post, and the demo user who sends it (password {@code demo}). */
  public record Request(String path, String userId, String body) {}

  /** One answer: the HTTP status and the body. */
  public record Answer(int status, String body) {}

  private final String baseUrl;

  public ConcurrentRequests(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public List<Answer> postAtOnce(List<Request> requests) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService clients = Executors.newFixedThreadPool(requests.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (Request request : requests) {
        answers.add(clients.submit(() -> {
          start.await();
          HttpResponse<String> response = client.send(httpRequest(request), HttpResponse.BodyHandlers.ofString());
          return new Answer(response.statusCode(), response.body());
        }));
      }
      start.countDown();
      List<Answer> result = new ArrayList<>();
      for (Future<Answer> answer : answers) {
        result.add(answer.get());
      }
      return result;
    } finally {
      clients.shutdownNow();
    }
  }

  private HttpRequest httpRequest(Request request) {
    String credentials = Base64.getEncoder().encodeToString((request.userId() + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.body()))
        .build();
  }

  /** The intake API's body for a plain adult case detected in the jurisdiction at that time. */
  public static String adultIntake(String jurisdiction, String detectedAt) {
    return """
        {"jurisdiction": "%s", "detectedAt": "%s", "detectionChannel": "hotline",
         "detectionPlace": {"country": "%s", "region": "Centro"}, "sex": "male", "ageYears": 34,
         "nationality": "HN", "migrationStatus": "irregular", "acts": ["recruitment"], "means": ["deception"],
         "purposes": ["forced-labour"]}
        """.formatted(jurisdiction, detectedAt, jurisdiction);
  }

  /** The same case as Tasklist submits the start form to the engine REST API: typed variables, groups as JSON. */
  public static String adultStartForm(String jurisdiction, String detectedAt) {
    return """
        {"variables": {
          "jurisdiction": {"value": "%s", "type": "String"},
          "detectedAt": {"value": "%s", "type": "String"},
          "detectionChannel": {"value": "hotline", "type": "String"},
          "detectionPlace": {"value": "{\\"country\\": \\"%s\\", \\"region\\": \\"Centro\\"}", "type": "Json"},
          "sex": {"value": "male", "type": "String"},
          "ageYears": {"value": 34, "type": "Long"},
          "nationality": {"value": "HN", "type": "String"},
          "migrationStatus": {"value": "irregular", "type": "String"},
          "acts": {"value": "[\\"recruitment\\"]", "type": "Json"},
          "means": {"value": "[\\"deception\\"]", "type": "Json"},
          "purposes": {"value": "[\\"forced-labour\\"]", "type": "Json"}
        }}
        """.formatted(jurisdiction, detectedAt, jurisdiction);
  }
}
