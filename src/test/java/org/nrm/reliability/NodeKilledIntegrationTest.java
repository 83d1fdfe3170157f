package org.nrm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nrm.support.ProductProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes of one cluster, the product as it ships in two JVMs on one PostgreSQL, under a bounded
 * intake load split between them; one node is killed (SIGKILL) in the middle. Every intake
 * acknowledged with 201 is there exactly once afterwards (its case, its process instance, its
 * identity in the vault), no case number is used twice, and every case is screened by the
 * survivor's job executor, whatever the dead node left locked (its job lock here 10 s). The size is
 * {@code -Dnrm.reliability.intakes} (60 in CI; {@code scripts/kill-a-node.sh} runs it larger).
 */
class NodeKilledIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INTAKES = Integer.getInteger("nrm.reliability.intakes", 60);
  /** The job lock of both nodes: how long the dead node's jobs stay locked before the survivor takes them. */
  private static final Duration LOCK = Duration.ofSeconds(10);
  /** Intakes sent to the node that is killed just after it answers them. */
  private static final int BURST = 24;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedIntakeIsThereOnceAndScreenedAfterANodeIsKilled() throws Exception {
    Path folder = ProductProcess.workFolder("node-killed-" + UUID.randomUUID());
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ProductProcess survivor = node(postgres, folder.resolve("survivor.log"));
        ProductProcess killed = node(postgres, folder.resolve("killed.log"))) {
      JdbcTemplate database = new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), true));
      List<Acknowledged> acknowledged = loadAndKill(List.of(survivor.baseUrl(), killed.baseUrl()), killed);

      assertThat(acknowledged).as("acknowledged by both nodes").extracting(Acknowledged::node).contains(0, 1);
      for (Acknowledged intake : acknowledged) {
        assertThat(database.queryForObject("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = ? and PROC_DEF_KEY_ ="
            + " 'NrmCaseProcess'", Integer.class, intake.caseId())).as(intake.caseId()).isEqualTo(1);
        assertThat(database.queryForObject("select count(*) from nrm_identity where case_id = ?", Integer.class, intake.caseId()))
            .as("the identity of " + intake.caseId()).isEqualTo(1);
      }
      assertThat(database.queryForList("select BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'NrmCaseProcess'"
          + " group by BUSINESS_KEY_ having count(*) > 1", String.class)).as("no case number used twice").isEmpty();
      long deadline = System.nanoTime() + LOCK.plusSeconds(90).toNanos();
      while (unscreened(database) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(1000);
      }
      assertThat(unscreened(database)).as("every case screened by the survivor").isZero();
      assertThat(database.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null and LOCK_EXP_TIME_ < now()",
          Integer.class)).as("no job left locked by the dead node").isZero();
    }
  }

  /** Cases (acknowledged or not) whose screening has not produced the first task yet. */
  private static int unscreened(JdbcTemplate database) {
    return database.queryForObject("select count(*) from ACT_RU_EXECUTION e where e.PARENT_ID_ is null and e.BUSINESS_KEY_ is not"
        + " null and e.PROC_DEF_ID_ like 'NrmCaseProcess:%' and not exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = e.ID_)",
        Integer.class);
  }

  private record Acknowledged(int node, String caseId) {}

  /**
   * Intakes from four clients: half of them to both nodes in turn, then a burst to the node that is
   * killed halfway through it (requests in flight), then the rest to the survivor.
   */
  private List<Acknowledged> loadAndKill(List<String> nodes, ProductProcess killed) throws Exception {
    List<Acknowledged> acknowledged = new ArrayList<>(send(nodes, 0, INTAKES / 2, number -> number % 2, () -> { }));
    // in the middle of a burst to it, requests in flight
    acknowledged.addAll(send(nodes, INTAKES / 2, INTAKES / 2 + BURST, number -> 1, killed::kill));
    acknowledged.addAll(send(nodes, INTAKES / 2 + BURST, INTAKES + BURST, number -> 0, () -> { }));
    return acknowledged;
  }

  /** Sends intakes {@code from} to {@code to} from four clients; {@code halfway} runs once when half of them are answered. */
  private List<Acknowledged> send(List<String> nodes, int from, int to, IntUnaryOperator nodeOf, Runnable halfway) throws Exception {
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<List<Acknowledged>>> answers = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      answers.add(clients.submit(() -> {
        List<Acknowledged> mine = new ArrayList<>();
        for (int number = next.getAndIncrement(); number < to; number = next.getAndIncrement()) {
          int node = nodeOf.applyAsInt(number);
          if (answered.get() == (to - from) / 2) {
            synchronized (answered) {
              if (answered.getAndIncrement() == (to - from) / 2) {
                halfway.run();
              }
            }
          }
          try {
            HttpResponse<String> answer = intake(nodes.get(node), number);
            if (answer.statusCode() == 201) {
              mine.add(new Acknowledged(node, JSON.readTree(answer.body()).get("caseId").asText()));
            }
          } catch (IOException deadNode) {
            // no answer: not acknowledged
          }
          answered.incrementAndGet();
        }
        return mine;
      }));
    }
    List<Acknowledged> acknowledged = new ArrayList<>();
    for (Future<List<Acknowledged>> answer : answers) {
      acknowledged.addAll(answer.get());
    }
    clients.shutdown();
    return acknowledged;
  }

  private HttpResponse<String> intake(String node, int number) throws IOException, InterruptedException {
    String detectedAt = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(number * 60L).toString();
    String body = """
        {"jurisdiction": "CR", "detectedAt": "%s", "detectionChannel": "hotline",
         "detectionPlace": {"country": "CR", "region": "Centro"}, "sex": "female", "ageYears": 31,
         "nationality": "NI", "migrationStatus": "irregular", "acts": ["recruitment"], "means": ["deception"],
         "purposes": ["forced-labour"], "identity": {"givenNames": "Persona %d", "familyNames": "De Prueba"}}
        """.formatted(detectedAt, number);
    return client.send(HttpRequest.newBuilder(URI.create(node + "/api/cases")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("police.cr:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static ProductProcess node(EmbeddedPostgres postgres, Path log, String... settings) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres", "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK.toMillis()));
    arguments.addAll(List.of(settings));
    return ProductProcess.start(log, arguments.toArray(String[]::new));
  }
}
