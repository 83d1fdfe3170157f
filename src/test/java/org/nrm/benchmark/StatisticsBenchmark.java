package org.nrm.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.nrm.statistics.StatisticsFixture;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics' speed at scale on PostgreSQL: every single breakdown of {@code GET
 * /api/statistics/cases}, some crossings, the indicators and the exchange, over {@code -Dcases}
 * cases (100,000 by default) in the statistics store and 100,000 open tasks, as a coordinator of
 * Costa Rica and as the administrator (both jurisdictions). The goal is 1 s for any single
 * breakdown and for the indicators. Not a test: {@code mvn -Pbenchmark test-compile exec:exec
 * -Dbenchmark.main=org.nrm.benchmark.StatisticsBenchmark}.
 */
public final class StatisticsBenchmark {

  private static final double GOAL_MILLIS = 1000;

  private StatisticsBenchmark() {}

  public static void main(String[] arguments) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
    int cases = Integer.parseInt(System.getProperty("cases", "").isBlank() ? "100000" : System.getProperty("cases"));
    String name = "nrm_statistics_" + cases + "_" + options.seed();
    try (BenchmarkDatabase database = BenchmarkDatabase.start(options.workDirectory())) {
      boolean filled = database.fixture(name).isPresent() && !options.fresh();
      if (!filled) {
        database.recreate(name);
      }
      try (BenchmarkProduct product = BenchmarkProduct.start(options, database.jdbcUrl(name))) {
        if (!filled) {
          fill(database, name, cases, options.seed());
        }
        List<String> lines = measure(product, database, name, cases, options);
        Path report = options.workDirectory().resolve("statistics-report.md");
        Files.write(report, lines);
        System.out.println();
        lines.forEach(System.out::println);
        System.out.println("\nReport: " + report);
      }
    }
  }

  private static void fill(BenchmarkDatabase database, String name, int cases, long seed) {
    long start = System.nanoTime();
    Instant now = Instant.now();
    try (HikariDataSource pool = database.pool(name, 1)) {
      JdbcTemplate jdbc = new JdbcTemplate(pool);
      jdbc.execute("set synchronous_commit = off");
      System.out.printf("Filling the statistics store with %,d cases…%n", cases);
      StatisticsFixture.fill(pool, cases, seed, now);
      System.out.println("Adding 100,000 open tasks (12 % overdue) to the engine's task table…");
      openTasks(jdbc, 100_000, seed, now);
      BenchmarkDatabase.markFilled(jdbc, cases, now, (System.nanoTime() - start) / 1e9);
    }
    database.analyse(name);
    System.out.printf("Filled in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** Open tasks of the institutions, as the indicators' overdue count reads them: due date, tenant and candidate group. */
  private static void openTasks(JdbcTemplate jdbc, int tasks, long seed, Instant now) {
    Random random = new Random(seed);
    List<String> groups = List.of("response-team", "shelter", "health", "legal-aid", "child-protection", "migration", "coordination");
    List<Object[]> taskRows = new ArrayList<>();
    List<Object[]> linkRows = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      String id = UUID.randomUUID().toString();
      Instant due = now.plus(Duration.ofHours(random.nextInt(100) < 12 ? -1 - random.nextInt(500) : 1 + random.nextInt(500)));
      taskRows.add(new Object[] {id, "Tarea de referencia", Timestamp.from(now.minus(Duration.ofDays(3))), Timestamp.from(due),
          random.nextInt(10) < 7 ? "CR" : "GT"});
      linkRows.add(new Object[] {UUID.randomUUID().toString(), groups.get(random.nextInt(groups.size())), id});
      if (taskRows.size() == 5000 || i == tasks - 1) {
        jdbc.batchUpdate("insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_, TENANT_ID_,"
            + " TASK_STATE_) values (?, 1, ?, 50, ?, ?, 1, ?, 'Created')", taskRows);
        jdbc.batchUpdate("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) values (?, 1, ?, 'candidate', ?)",
            linkRows);
        taskRows.clear();
        linkRows.clear();
      }
    }
  }

  private static List<String> measure(BenchmarkProduct product, BenchmarkDatabase database, String name, int cases,
      BenchmarkOptions options) throws Exception {
    Http http = new Http(product.baseUri(), Duration.ofSeconds(options.httpTimeoutSeconds()));
    QueryProbe probe = new QueryProbe(options.repetitions(), options.queryBudgetSeconds());
    long costaRica;
    long all;
    try (HikariDataSource pool = database.pool(name, 1)) {
      JdbcTemplate jdbc = new JdbcTemplate(pool);
      costaRica = jdbc.queryForObject("select count(*) from nrm_stat_case where jurisdiction = 'CR'", Long.class);
      all = jdbc.queryForObject("select count(*) from nrm_stat_case", Long.class);
    }
    List<String> queries = new ArrayList<>();
    for (String dimension : List.of("sex", "ageGroup", "victimGroup", "nationality", "indigenous", "purpose", "iccsCode",
        "migrationStatus", "detectionRegion", "detectionChannel", "classification", "identification", "year", "quarter", "month")) {
      queries.add("/api/statistics/cases?by=" + dimension);
    }
    queries.add("/api/statistics/cases?by=sex,ageGroup");
    queries.add("/api/statistics/cases?by=victimGroup,purpose,nationality");
    queries.add("/api/statistics/cases?by=detectionRegion,sex,ageGroup,year");
    queries.add("/api/statistics/cases?by=purpose&format=csv");
    queries.add("/api/statistics/cases?by=purpose,sex&format=xlsx");
    queries.add("/api/statistics/cases?by=quarter&from=2025-01-01&to=2025-12-31");
    queries.add("/api/statistics/indicators");
    queries.add("/api/statistics/indicators?from=2025-01-01&to=2025-12-31");
    queries.add("/api/statistics/exchange/unodc");
    queries.add("/api/statistics/exchange/htcds");
    for (String user : List.of("coordination.cr", "admin")) {
      long expected = user.equals("admin") ? all : costaRica;
      for (String query : queries) {
        probe.measure("statistics", query, user, "", () -> http.send(http.as(user, query).GET().build()), answer -> check(answer,
            query, expected));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("# Statistics benchmark");
    lines.add("");
    lines.add(String.format("%,d cases in the statistics store (%,d in Costa Rica), 100,000 open tasks; PostgreSQL: %s", all, costaRica,
        database.version().split(",")[0]));
    lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average " + Machine.loadAverage());
    lines.add("");
    lines.add("| query | user | n | p50 ms | p95 ms | max ms | ≤ 1 s |");
    lines.add("| --- | --- | --- | --- | --- | --- | --- |");
    for (QueryProbe.Result result : probe.results()) {
      Latencies latencies = result.latencies();
      lines.add(String.format("| `%s` | %s | %d | %.1f | %.1f | %.1f | %s |", result.query().replace("/api/statistics/", ""),
          result.user(), latencies.count(), latencies.millis(50), latencies.millis(95), latencies.maxMillis(),
          result.problem() != null ? "PROBLEM: " + result.problem() : latencies.maxMillis() <= GOAL_MILLIS ? "yes" : "no"));
    }
    return lines;
  }

  /** A breakdown's total must be the store's count of the caller's cases; the others must be 200 with a body. */
  private static String check(Http.Answer answer, String query, long expected) {
    if (query.contains("format=") || query.contains("from=") || !query.startsWith("/api/statistics/cases")) {
      return answer.body().isEmpty() ? "empty answer" : null;
    }
    JsonNode total = answer.json().get("total");
    return total != null && total.asLong() == expected ? null : "total " + total + ", expected " + expected;
  }
}
