package org.nrm.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import org.nrm.benchmark.BenchmarkDatabase.Fixture;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole-system benchmark: embedded PostgreSQL, a database filled with open tasks through the
 * product's processes (kept between runs), the product started as a child process, and the
 * measurements printed side by side. A measurement, not a test: it exits non-zero only when it
 * cannot measure, never because a figure is slow. Run: {@code mvn -Pbenchmark test-compile exec:exec}
 * (options in README.md, section Benchmark).
 */
public final class SystemBenchmark {

  /** Lets the product settle after start-up before its idle memory is read. */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private final BenchmarkOptions options;
  private final PrintStream out = System.out;
  private final Report report = new Report();

  private SystemBenchmark(BenchmarkOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new SystemBenchmark(BenchmarkOptions.fromSystemProperties()).run();
    // the HTTP clients' and the engine's threads must not keep the JVM
    System.exit(0);
  }

  private void run() throws Exception {
    Instant start = Instant.now();
    try (BenchmarkDatabase database = BenchmarkDatabase.start(options.workDirectory())) {
      Machine machine = Machine.describe(database.version());
      report.fact("machine", machine.summary());
      report.fact("load average at start (1, 5, 15 min)", Machine.loadAverage());
      String fixtureName = BenchmarkDatabase.fixtureName(options.tasks(), options.seed());
      Fixture fixture = new Fixtures(database, options, out).ensure(fixtureName, report::fact);
      report.fact("fixture", "%s: %,d open tasks requested (seed %d), filled in %.0f s on %s".formatted(fixtureName, fixture.tasks(),
          options.seed(), fixture.fillSeconds(), fixture.filledAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      database.copy(fixtureName, BenchmarkDatabase.RUN_DATABASE);
      try (HikariDataSource run = database.pool(BenchmarkDatabase.RUN_DATABASE, 4)) {
        JdbcTemplate jdbc = new JdbcTemplate(run);
        int moved = BenchmarkDatabase.moveDeadlinesToNow(jdbc, fixture.filledAt());
        if (!options.runSql().isEmpty()) {
          // a design or a setting to compare, applied to this run's copy only (e.g. the history level)
          jdbc.execute(options.runSql());
          report.fact("SQL run on the run's database before the product starts", "`" + options.runSql() + "`");
        }
        out.printf("Run database %s copied from the fixture; %,d deadlines and timers moved by the fixture's age%n",
            BenchmarkDatabase.RUN_DATABASE, moved);
        // the moved rows' old versions and dirty pages, cleaned up now rather than by autovacuum and a
        // checkpoint in the middle of a measurement
        jdbc.execute("vacuum (analyze) act_ru_task, act_ru_job");
        jdbc.execute("checkpoint");
        TaskCounts counts = TaskCounts.of(jdbc);
        out.println(counts.table());
        report.taskCounts(counts.table());
        measureProduct(database, jdbc);
      }
    }
    report.fact("load average at end (1, 5, 15 min)", Machine.loadAverage());
    report.fact("benchmark duration", "%.0f s".formatted(Duration.between(start, Instant.now()).toMillis() / 1e3));
    report.write(options.workDirectory().resolve("report.md"));
    out.println();
    out.println(report.markdown());
    out.println("Written to " + options.workDirectory().resolve("report.md") + "; the product's log is "
        + options.workDirectory().resolve("product.log"));
  }

  private void measureProduct(BenchmarkDatabase database, JdbcTemplate jdbc) throws Exception {
    out.println("Starting the product");
    try (BenchmarkProduct product = BenchmarkProduct.start(options, database.jdbcUrl(BenchmarkDatabase.RUN_DATABASE))) {
      report.fact("product", product.commandLine());
      Thread.sleep(SETTLE.toMillis());
      report.startup(product.secondsToHealthy(), product.springStartSeconds(), product.memory());
      out.printf("Product healthy after %.1f s (Spring: %s s), RSS %s%n", product.secondsToHealthy(),
          product.springStartSeconds().map(String::valueOf).orElse("?"), product.memory());
      Http http = new Http(product.baseUri(), Duration.ofSeconds(options.httpTimeoutSeconds()));
      ExpectedRows expected = new ExpectedRows(jdbc);
      QueryProbe probe = new QueryProbe(options.repetitions(), options.queryBudgetSeconds());
      // the queries first, on exactly the fixture's data; the intake adds cases and tasks
      if (options.runs("tasklist")) {
        out.println("Task lists (" + options.repetitions() + " calls or " + options.queryBudgetSeconds() + " s per query)");
        new TasklistQueries(http, expected, probe).measure();
      }
      CoordinatorQueries coordinator = new CoordinatorQueries(http, expected, probe);
      if (options.runs("cockpit")) {
        out.println("Cockpit");
        coordinator.measureCockpit();
      }
      if (options.runs("history")) {
        out.println("History");
        coordinator.measureHistory();
      }
      report.queries(probe.results());
      if (options.runs("intake")) {
        out.printf("Intake against the bare process: %s clients, %d s each after %d s of warm-up%n", options.clients(),
            options.durationSeconds(), options.warmupSeconds());
        IntakeThroughput throughput = new IntakeThroughput(http, jdbc, options, out);
        throughput.prepare();
        report.intake(throughput.measure());
      }
      report.afterLoad(product.memory());
    }
  }

}
