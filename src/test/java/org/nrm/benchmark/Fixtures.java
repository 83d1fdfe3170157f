package org.nrm.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.nrm.benchmark.BenchmarkDatabase.Fixture;
import org.springframework.jdbc.core.JdbcTemplate;

/** The filled database of a size and seed: reused when a complete one exists, filled otherwise. */
final class Fixtures {

  private final BenchmarkDatabase database;
  private final BenchmarkOptions options;
  private final PrintStream out;

  Fixtures(BenchmarkDatabase database, BenchmarkOptions options, PrintStream out) {
    this.database = database;
    this.options = options;
    this.out = out;
  }

  /** @param facts told how the fixture came to be, for the report */
  Fixture ensure(String name, BiConsumer<String, String> facts) throws Exception {
    Optional<Fixture> existing = options.fresh() ? Optional.empty() : database.fixture(name);
    if (existing.isPresent()) {
      out.println("Reusing the filled database " + name + " (-Dfresh=true refills it)");
      facts.accept("fill", "reused (filled before)");
      return existing.get();
    }
    out.printf("Filling %s with %,d open tasks on %d threads%n", name, options.tasks(), options.fillThreads());
    database.recreate(name);
    database.fillSettings();
    Instant start = Instant.now();
    int cases;
    try (FillNode node = FillNode.start(database.jdbcUrl(name), options.fillThreads() + 4, options.workDirectory().resolve("fill.log"))) {
      Instant filling = Instant.now();
      JdbcTemplate fixture = new JdbcTemplate(node.bean(DataSource.class));
      BenchmarkDatabase.addFillIndexes(fixture);
      cases = new Filler(node, options.fillThreads(), options.seed(), out).fill(options.tasks());
      BenchmarkDatabase.dropFillIndexes(fixture);
      out.printf("Filled %,d cases in %.0f s (node start-up on the empty database: %.0f s)%n", cases,
          Duration.between(filling, Instant.now()).toMillis() / 1e3, Duration.between(start, filling).toMillis() / 1e3);
    }
    database.measurementSettings();
    Instant filled = Instant.now();
    double seconds = Duration.between(start, filled).toMillis() / 1e3;
    database.analyse(name);
    try (HikariDataSource fixture = database.pool(name, 1)) {
      BenchmarkDatabase.markFilled(new JdbcTemplate(fixture), options.tasks(), filled, seconds);
    }
    facts.accept("fill", "%.0f s in this run (%,d cases, %d threads), vacuum analyse %.0f s".formatted(seconds, cases,
        options.fillThreads(), Duration.between(filled, Instant.now()).toMillis() / 1e3));
    return database.fixture(name).orElseThrow();
  }
}
