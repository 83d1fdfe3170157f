package org.nrm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.ProductProcess;
import org.nrm.support.RestartablePostgres;

/**
 * PostgreSQL stopped and started again while intakes arrive, under the product as it ships (a JVM
 * of its own, profiles postgres and demo, the job executor on): during the outage the APIs answer
 * 503 with a Spanish body (never 500, never a stack trace) and health says DOWN; afterwards the
 * product goes on without a restart, every intake acknowledged with 201 is there, once, and is
 * screened by the job executor.
 */
class DatabaseOutageIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String base;

  @Test
  void nothingAcknowledgedIsLostAndTheOutageIsA503InSpanish() throws Exception {
    Path folder = ProductProcess.workFolder("database-outage-" + UUID.randomUUID());
    try (RestartablePostgres postgres = RestartablePostgres.start();
        ProductProcess product = ProductProcess.start(folder.resolve("product.log"), "--spring.profiles.active=postgres,demo",
            "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres")) {
      base = product.baseUrl();
      outageUnderLoad(postgres);
    }
  }

  private void outageUnderLoad(RestartablePostgres postgres) throws Exception {
    assertThat(intake(0).statusCode()).isEqualTo(201);
    AtomicBoolean arriving = new AtomicBoolean(true);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    List<Future<List<HttpResponse<String>>>> load = new ArrayList<>();
    for (int caller = 0; caller < 3; caller++) {
      int first = 1000 * (caller + 1);
      load.add(callers.submit(() -> {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = first; arriving.get(); i++) {
          answers.add(intake(i));
          Thread.sleep(100);
        }
        return answers;
      }));
    }
    Thread.sleep(1500);

    postgres.stop();
    HttpResponse<String> refused = waitFor(503, () -> intake(1));
    HttpResponse<String> health = get("/actuator/health", null);
    HttpResponse<String> tasks = get("/engine-rest/task?candidateGroup=police", "police.cr");
    postgres.startAgain();
    HttpResponse<String> recovered = waitFor(201, () -> intake(2));
    Thread.sleep(1000);
    arriving.set(false);
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<List<HttpResponse<String>>> caller : load) {
      answers.addAll(caller.get());
    }
    callers.shutdown();

    assertThat(JSON.readTree(refused.body()).get("error").asText()).startsWith("La base de datos del mecanismo no responde");
    assertThat(refused.body()).doesNotContain("Exception", "at org.");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("DOWN");
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(503);
    assertThat(JSON.readTree(tasks.body()).get("message").asText()).startsWith("La base de datos del mecanismo no responde");
    assertThat(recovered.statusCode()).isEqualTo(201);
    assertThat(get("/actuator/health", null).body()).contains("UP");
    assertThat(answers).as("answered during and around the outage").extracting(HttpResponse::statusCode)
        .contains(201, 503).containsOnly(201, 503);
    List<String> acknowledged = new ArrayList<>();
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 201) {
        acknowledged.add(JSON.readTree(answer.body()).get("caseId").asText());
      }
    }
    acknowledged.add(JSON.readTree(recovered.body()).get("caseId").asText());
    for (String caseId : acknowledged) {
      assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=NrmCaseProcess&businessKey=" + caseId))
          .as(caseId).isEqualTo(1);
    }
    assertThat(acknowledged).doesNotHaveDuplicates();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (screened(acknowledged) < acknowledged.size() && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    assertThat(screened(acknowledged)).as("every acknowledged case screened by the job executor").isEqualTo(acknowledged.size());
  }

  private long screened(List<String> caseIds) throws Exception {
    long screened = 0;
    for (String caseId : caseIds) {
      screened += count("/engine-rest/task/count?taskDefinitionKey=UserTask_ReviewScreening&processInstanceBusinessKey=" + caseId);
    }
    return screened;
  }

  private long count(String path) throws Exception {
    HttpResponse<String> answer = get(path, "admin");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("count").asLong();
  }

  private HttpResponse<String> intake(int number) throws Exception {
    String detectedAt = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(number * 60L).toString();
    return client.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", basic("police.cr")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ConcurrentRequests.adultIntake("CR", detectedAt))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  private static HttpResponse<String> waitFor(int status, Call call) throws Exception {
    HttpResponse<String> answer = call.send();
    for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); answer.statusCode() != status
        && System.nanoTime() < deadline; answer = call.send()) {
      assertThat(answer.statusCode()).as("never a 500: " + answer.body()).isNotEqualTo(500);
      Thread.sleep(500);
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return answer;
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
