package org.nrm.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake end to end against a bare process, side by side, at each number of clients: for the intake
 * the API call, the screening job run by the product's job executor and the first task; for the
 * bare process its start through /engine-rest, which creates its only user task at once.
 */
final class IntakeThroughput {

  static final String BARE_PROCESS = "BenchmarkBareProcess";
  private static final String FIRST_TASK = "UserTask_ReviewScreening";
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
  private static final Duration NO_PROGRESS_LIMIT = Duration.ofSeconds(60);

  /** One level's figures, intake and bare. */
  record Level(int clients, Measured intake, Measured bare) {

    double ratio() {
      return intake.completedPerSecond() / bare.completedPerSecond();
    }
  }

  /**
   * @param completedPerSecond for the intake: cases whose first task exists, from the window's start
   *     to the creation of the last of them (database time); for the bare process: started per second
   * @param toFirstTask request sent to first task created (intake only)
   */
  record Measured(Latencies http, double answeredPerSecond, int completed, double completedPerSecond, Latencies toFirstTask,
      int withoutTask) {}

  private record Sent(String processInstanceId, long sentAtMillis) {}

  private final Http http;
  private final JdbcTemplate jdbc;
  private final BenchmarkOptions options;
  private final PrintStream out;

  IntakeThroughput(Http http, JdbcTemplate jdbc, BenchmarkOptions options, PrintStream out) {
    this.http = http;
    this.jdbc = jdbc;
    this.options = options;
    this.out = out;
  }

  /** Deploys the bare process as admin and lets the intake users start it. */
  void prepare() throws IOException {
    byte[] bpmn;
    try (InputStream resource = IntakeThroughput.class.getResourceAsStream("/benchmark/" + BARE_PROCESS + ".bpmn")) {
      bpmn = resource.readAllBytes();
    }
    String boundary = "benchmark-" + System.nanoTime();
    String head = part(boundary, "deployment-name", "Proceso mínimo del benchmark de altas") + part(boundary, "enable-duplicate-filtering", "true")
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + BARE_PROCESS + ".bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    http.expect(http.as("admin", "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head.getBytes(StandardCharsets.UTF_8), bpmn, tail))).build());
    for (String user : intakeUsers().values()) {
      String existing = "/engine-rest/authorization?userIdIn=" + user + "&resourceType=6&resourceId=" + BARE_PROCESS;
      if (http.expect(http.as("admin", existing).GET().build()).isEmpty()) {
        http.expect(http.as("admin", "/engine-rest/authorization/create").header("Content-Type", "application/json")
            .POST(Http.json(Map.of("type", 1, "permissions", List.of("READ", "CREATE_INSTANCE"), "userId", user,
                "resourceType", 6, "resourceId", BARE_PROCESS))).build());
      }
    }
  }

  /** At each number of clients, the intake and then the bare process. */
  List<Level> measure() throws InterruptedException {
    List<Level> levels = new ArrayList<>();
    for (int clients : options.clients()) {
      Measured intake = intake(clients);
      Measured bare = bare(clients);
      Level level = new Level(clients, intake, bare);
      out.printf("  %3d clients: intake %.1f cases/s (first task), bare %.1f/s, ratio %.2f%n", clients,
          intake.completedPerSecond(), bare.completedPerSecond(), level.ratio());
      levels.add(level);
    }
    return levels;
  }

  private Measured intake(int clients) throws InterruptedException {
    List<IntakeGenerator> generators = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      generators.add(new IntakeGenerator(options.seed() * 7_919 + clients * 1_000L + client, Filler.JURISDICTIONS));
    }
    Map<String, String> users = intakeUsers();
    IntFunction<HttpRequest> request = client -> {
      var body = generators.get(client).next(Instant.now());
      return http.as(users.get(body.get("jurisdiction").asText()), "/api/cases").header("Content-Type", "application/json")
          .POST(Http.json(body.toString())).build();
    };
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    LoadDriver.Window window = new LoadDriver(http).run(clients, warmup(), duration(), request, (client, sentAt, answer) -> {
      if (answer.status() == 201) {
        sent.add(new Sent(answer.json().get("processInstanceId").asText(), sentAt));
      }
    });
    Map<String, Long> firstTasks = waitForFirstTasks(sent);
    Latencies toFirstTask = new Latencies();
    long lastTask = window.startMillis();
    for (Sent one : sent) {
      Long created = firstTasks.get(one.processInstanceId());
      if (created != null) {
        toFirstTask.recordMillis(Math.max(0, created - one.sentAtMillis()));
        lastTask = Math.max(lastTask, created);
      }
    }
    double seconds = Math.max(window.seconds(), (lastTask - window.startMillis()) / 1e3);
    return new Measured(window.latencies(), sent.size() / window.seconds(), firstTasks.size(), firstTasks.size() / seconds,
        toFirstTask, sent.size() - firstTasks.size());
  }

  private Measured bare(int clients) throws InterruptedException {
    Random random = new Random(options.seed());
    Map<String, String> users = intakeUsers();
    IntFunction<HttpRequest> request = client -> {
      String jurisdiction;
      synchronized (random) {
        jurisdiction = random.nextInt(100) < Filler.JURISDICTIONS.get("CR") ? "CR" : "GT";
      }
      return http.as(users.get(jurisdiction), "/engine-rest/process-definition/key/" + BARE_PROCESS + "/start")
          .header("Content-Type", "application/json")
          .POST(Http.json(Map.of("variables", Map.of("jurisdiction", Map.of("value", jurisdiction, "type", "String"))))).build();
    };
    ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
    LoadDriver.Window window = new LoadDriver(http).run(clients, warmup(), duration(), request, (client, sentAt, answer) -> {
      if (answer.ok()) {
        started.add(answer.json().get("id").asText());
      }
    });
    int withTask = countTasks(List.copyOf(started), "UserTask_Bare");
    return new Measured(window.latencies(), started.size() / window.seconds(), withTask, withTask / window.seconds(), null,
        started.size() - withTask);
  }

  /** Waits until the job executor has screened every case (or stops making progress); the first task of each, by time. */
  private Map<String, Long> waitForFirstTasks(ConcurrentLinkedQueue<Sent> sent) throws InterruptedException {
    List<String> ids = sent.stream().map(Sent::processInstanceId).toList();
    long deadline = System.currentTimeMillis() + DRAIN_LIMIT.toMillis();
    long lastProgress = System.currentTimeMillis();
    int found = -1;
    while (true) {
      int now = countTasks(ids, FIRST_TASK);
      if (now == ids.size() || System.currentTimeMillis() > deadline || System.currentTimeMillis() - lastProgress > NO_PROGRESS_LIMIT.toMillis()) {
        break;
      }
      if (now > found) {
        found = now;
        lastProgress = System.currentTimeMillis();
      }
      Thread.sleep(250);
    }
    Map<String, Long> created = new java.util.HashMap<>();
    jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(
          "select proc_inst_id_, create_time_ from act_ru_task where task_def_key_ = ? and proc_inst_id_ = any(?)");
      statement.setString(1, FIRST_TASK);
      statement.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
      return statement;
    }, row -> {
      created.merge(row.getString(1), row.getTimestamp(2).getTime(), Math::min);
    });
    return created;
  }

  private int countTasks(List<String> processInstanceIds, String taskKey) {
    return jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(
          "select count(distinct proc_inst_id_) from act_ru_task where task_def_key_ = ? and proc_inst_id_ = any(?)");
      statement.setString(1, taskKey);
      Array array = connection.createArrayOf("varchar", processInstanceIds.toArray());
      statement.setArray(2, array);
      return statement;
    }, rows -> rows.next() ? rows.getInt(1) : 0);
  }

  /** The first responder who opens the cases of each jurisdiction. */
  private static Map<String, String> intakeUsers() {
    return Map.of("CR", "police.cr", "GT", "police.gt");
  }

  private Duration warmup() {
    return Duration.ofSeconds(options.warmupSeconds());
  }

  private Duration duration() {
    return Duration.ofSeconds(options.durationSeconds());
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
}
