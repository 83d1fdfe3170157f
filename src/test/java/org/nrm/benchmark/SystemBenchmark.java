package org.nrm.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

  private final BenchmarkOptions options;
  private final PrintStream out = System.out;

  private SystemBenchmark(BenchmarkOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new SystemBenchmark(BenchmarkOptions.fromSystemProperties()).run();
    // the HTTP clients' and the engine's threads must not keep the JVM
    System.exit(0);
  }

  private void run() throws Exception {
    try (BenchmarkDatabase database = BenchmarkDatabase.start(options.workDirectory())) {
      String fixture = BenchmarkDatabase.fixtureName(options.tasks(), options.seed());
      Fixture filled = ensureFixture(database, fixture);
      out.printf("Fixture %s: %,d tasks requested, filled %s in %.0f s%n", fixture, filled.tasks(), filled.filledAt(), filled.fillSeconds());
      database.copy(fixture, BenchmarkDatabase.RUN_DATABASE);
      try (HikariDataSource run = database.pool(BenchmarkDatabase.RUN_DATABASE, 4)) {
        out.println(TaskCounts.of(new JdbcTemplate(run)).table());
      }
    }
  }

  private Fixture ensureFixture(BenchmarkDatabase database, String name) throws Exception {
    Optional<Fixture> existing = options.fresh() ? Optional.empty() : database.fixture(name);
    if (existing.isPresent()) {
      out.println("Reusing the filled database " + name + " (-Dfresh=true refills it)");
      return existing.get();
    }
    out.printf("Filling %s with %,d open tasks on %d threads%n", name, options.tasks(), options.fillThreads());
    database.recreate(name);
    Instant start = Instant.now();
    int cases;
    try (FillNode node = FillNode.start(database.jdbcUrl(name), options.fillThreads() + 4, options.workDirectory().resolve("fill.log"))) {
      cases = new Filler(node, options.fillThreads(), options.seed(), out).fill(options.tasks());
    }
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1e3;
    out.printf("Filled %,d cases in %.0f s; analysing%n", cases, seconds);
    database.analyse(name);
    try (HikariDataSource fixture = database.pool(name, 1)) {
      BenchmarkDatabase.markFilled(new JdbcTemplate(fixture), options.tasks(), start, seconds);
    }
    return database.fixture(name).orElseThrow();
  }
}
