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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nrm.support.ClusterNodes;
import org.nrm.support.ClusterRecords;
import org.nrm.support.ClusterRecords.Locked;
import org.nrm.support.ClusterRecords.Run;
import org.nrm.support.JobsThroughEngineRest;
import org.nrm.support.JobsThroughEngineRest.Job;
import org.nrm.support.ProductProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes of one cluster, the product as it ships in two JVMs on one PostgreSQL, under a bounded
 * intake load split between them; one node is killed (SIGKILL) in the middle, with requests in
 * flight and jobs it had locked. Every intake acknowledged with 201 is there exactly once afterwards
 * (its case, its process instance, its identity in the vault), no case number is used twice, every
 * case is screened, and the jobs the dead node held locked are run once, by the survivor, after
 * their lock (here 10 s) expired. The size is {@code -Dnrm.reliability.intakes} (60 in CI;
 * {@code scripts/kill-a-node.sh} runs it larger).
 *
 * <p>The screening runs in the intake's own transaction, so an intake leaves no job due at once:
 * the jobs here are the deadline timers the intakes leave (the escalation of an overdue review),
 * suspended by the administrator while the first half of the intakes arrives, made due, and
 * activated halfway through a burst to the node that is killed. For that node alone to take them,
 * the survivor is paused (SIGSTOP) meanwhile; the node is frozen the same way as soon as it has
 * locked some, and killed if it still holds some locked, else let go on and caught again.
 */
class NodeKilledIntegrationTest {

  private static final Logger LOG = LoggerFactory.getLogger(NodeKilledIntegrationTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INTAKES = Integer.getInteger("nrm.reliability.intakes", 60);
  /** The job lock of both nodes: how long the dead node's jobs stay locked before the survivor takes them. */
  private static final Duration LOCK = Duration.ofSeconds(10);
  /** Intakes sent to the node that is killed halfway through them. */
  private static final int BURST = 24;
  private static final String SURVIVOR = "node-survivor";
  private static final String KILLED = "node-killed";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedIntakeIsThereOnceAndTheJobsTheDeadNodeHeldRunOnceOnTheSurvivorAfterTheirLock() throws Exception {
    Path folder = ProductProcess.workFolder("node-killed-" + UUID.randomUUID());
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ProductProcess survivor = ClusterNodes.start(postgres, folder, SURVIVOR, LOCK);
        ProductProcess killed = ClusterNodes.start(postgres, folder, KILLED, LOCK)) {
      ClusterRecords records = new ClusterRecords(postgres);
      JobsThroughEngineRest administrator = new JobsThroughEngineRest(survivor.baseUrl());
      List<String> timers = administrator.jobDefinitionIds("NrmCaseProcess", ClusterRecords.REVIEW_OVERDUE);
      for (String timer : timers) {
        administrator.suspendJobDefinition(timer, true);
      }
      List<String> nodes = List.of(survivor.baseUrl(), killed.baseUrl());

      // the first half to both nodes in turn: acknowledged, their timers suspended, then made due
      List<Acknowledged> acknowledged = new ArrayList<>(send(nodes, 0, INTAKES / 2, number -> number % 2, () -> null));
      assertThat(acknowledged).as("every intake acknowledged while its timer is suspended").hasSize(INTAKES / 2);
      List<String> due = new ArrayList<>();
      for (String timer : timers) {
        for (Job job : administrator.jobsOf(timer)) {
          assertThat(job.suspended()).as("timer " + job.id() + " created suspended").isTrue();
          administrator.makeDueNow(job.id());
          due.add(job.id());
        }
      }
      assertThat(due).as("a deadline timer for every case").hasSize(INTAKES / 2);

      // a burst to the node that is killed halfway through it, holding some of those timers locked
      AtomicReference<List<Locked>> heldAtDeath = new AtomicReference<>();
      acknowledged.addAll(send(nodes, INTAKES / 2, INTAKES / 2 + BURST, number -> 1, () -> {
        heldAtDeath.set(killWhileItHoldsJobs(survivor, killed, timers, records));
        return null;
      }));
      // the rest to the survivor
      acknowledged.addAll(send(nodes, INTAKES / 2 + BURST, INTAKES + BURST, number -> 0, () -> null));

      assertThat(acknowledged).as("acknowledged by both nodes").extracting(Acknowledged::node).contains(0, 1);
      for (Acknowledged intake : acknowledged) {
        assertThat(records.database().queryForObject("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = ? and"
            + " PROC_DEF_KEY_ = 'NrmCaseProcess'", Integer.class, intake.caseId())).as(intake.caseId()).isEqualTo(1);
        assertThat(records.database().queryForObject("select count(*) from nrm_identity where case_id = ?", Integer.class,
            intake.caseId())).as("the identity of " + intake.caseId()).isEqualTo(1);
      }
      assertThat(records.database().queryForList("select BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_DEF_KEY_ ="
          + " 'NrmCaseProcess' group by BUSINESS_KEY_ having count(*) > 1", String.class)).as("no case number used twice")
          .isEmpty();
      assertThat(unscreened(records)).as("every case screened").isZero();

      List<Locked> held = heldAtDeath.get();
      assertThat(held).as("what the dead node held locked").isNotEmpty();
      Instant lastLockExpiry = held.stream().map(Locked::until).max(Comparator.naturalOrder()).orElseThrow();
      // the dead node locked them at most LOCK ago: the survivor has LOCK and a margin to take them over
      long deadline = System.nanoTime() + LOCK.plusSeconds(30).toNanos();
      while (records.remaining(due) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      LOG.info("{} held {} of the {} due timers locked when it was killed, until {}", KILLED, held.size(), due.size(),
          lastLockExpiry);
      for (Locked job : held) {
        List<Run> runs = records.successfulRuns(job.jobId());
        LOG.info("timer {}: locked by {} until {}, run by {} at {}", job.jobId(), KILLED, job.until(),
            runs.isEmpty() ? "nobody" : runs.get(0).node(), runs.isEmpty() ? "-" : runs.get(0).at());
        assertThat(runs).as("job " + job.jobId() + ", locked by the dead node until " + job.until() + ": run once").hasSize(1);
        assertThat(runs.get(0).node()).as("by").isEqualTo(SURVIVOR);
        assertThat(runs.get(0).at()).as("not before its lock expired").isAfterOrEqualTo(job.until());
      }
      for (String job : due) {
        assertThat(records.successfulRuns(job)).as("timer " + job + " run once").hasSize(1);
      }
      for (Acknowledged intake : acknowledged.subList(0, INTAKES / 2)) {
        assertThat(records.reviewEscalations(intake.caseId())).as("the overdue review of " + intake.caseId()
            + " escalated once").isEqualTo(1);
        assertThat(records.escalationsRaised(intake.caseId())).as("in its statistics").isEqualTo(1);
      }
      assertThat(records.database().queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ?", Integer.class,
          KILLED)).as("nothing left locked by the dead node").isZero();
    }
  }

  /**
   * With the survivor paused, activates the due timers, and freezes the node to be killed once it
   * has locked some; kills it if, frozen, it still holds some locked (not yet run, or run but not
   * committed), else lets it go on and catches it again. Returns what it held when it died.
   */
  private static List<Locked> killWhileItHoldsJobs(ProductProcess survivor, ProductProcess killed, List<String> timers,
      ClusterRecords records) throws Exception {
    survivor.pause();
    try {
      JobsThroughEngineRest administrator = new JobsThroughEngineRest(killed.baseUrl());
      for (String timer : timers) {
        administrator.suspendJobDefinition(timer, false);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        if (records.lockedBy(KILLED, timers).isEmpty()) {
          Thread.sleep(5);
          continue;
        }
        killed.pause();
        // the statements it had sent before are done: what is locked now stays so
        Thread.sleep(300);
        List<Locked> held = records.lockedBy(KILLED, timers).stream().filter(job -> job.until().isAfter(Instant.now())).toList();
        if (!held.isEmpty()) {
          killed.kill();
          return held;
        }
        killed.resume();
      }
      throw new AssertionError(KILLED + " was never caught holding a timer locked");
    } finally {
      survivor.resume();
    }
  }

  /** Cases (acknowledged or not) whose screening has not produced the first task yet. */
  private static int unscreened(ClusterRecords records) {
    return records.database().queryForObject("select count(*) from ACT_RU_EXECUTION e where e.PARENT_ID_ is null and"
        + " e.BUSINESS_KEY_ is not null and e.PROC_DEF_ID_ like 'NrmCaseProcess:%' and not exists (select 1 from ACT_RU_TASK t"
        + " where t.PROC_INST_ID_ = e.ID_)", Integer.class);
  }

  private record Acknowledged(int node, String caseId) {}

  /**
   * Sends intakes {@code from} to {@code to} from four clients; {@code halfway} runs once when half
   * of them are answered, while the other clients go on sending.
   */
  private List<Acknowledged> send(List<String> nodes, int from, int to, IntUnaryOperator nodeOf, Callable<?> halfway)
      throws Exception {
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean halfwayRun = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<List<Acknowledged>>> answers = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      answers.add(clients.submit(() -> {
        List<Acknowledged> mine = new ArrayList<>();
        for (int number = next.getAndIncrement(); number < to; number = next.getAndIncrement()) {
          int node = nodeOf.applyAsInt(number);
          if (answered.get() >= (to - from) / 2 && halfwayRun.compareAndSet(false, true)) {
            halfway.call();
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
}
