package org.nrm.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's PostgreSQL server, with its data directory kept under target/benchmark/ between
 * runs. A filled database is kept as a <em>fixture</em> (one per number of tasks and seed); every run
 * works on a fresh copy of it, so that reruns start from the same data and a run's own cases never
 * pile up.
 */
final class BenchmarkDatabase implements AutoCloseable {

  static final String USER = "postgres";
  static final String PASSWORD = "postgres";
  static final String RUN_DATABASE = "nrm_run";

  private final EmbeddedPostgres postgres;
  private final HikariDataSource admin;

  private BenchmarkDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.admin = pool("postgres", 2);
    // whatever an interrupted fill left: the measurements run with the server's durable settings
    measurementSettings();
  }

  static BenchmarkDatabase start(Path workDirectory) throws IOException {
    Path dataDirectory = workDirectory.resolve("postgres");
    Files.createDirectories(workDirectory);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(FreePort.find())
        // a production-like server for the measurements; the fill turns off synchronous commit for itself
        .setServerConfig("shared_buffers", "1GB")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "200")
        // fewer checkpoints while filling, as a server sized for this write load would have
        .setServerConfig("max_wal_size", "4GB")
        .setOutputRedirector(Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()))
        .setErrorRedirector(Redirect.appendTo(workDirectory.resolve("postgres.log").toFile()))
        .start();
    return new BenchmarkDatabase(postgres);
  }

  String jdbcUrl(String database) {
    return postgres.getJdbcUrl(USER, database);
  }

  HikariDataSource pool(String database, int size) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database);
    dataSource.setUsername(USER);
    dataSource.setPassword(PASSWORD);
    dataSource.setMaximumPoolSize(size);
    return dataSource;
  }

  String version() {
    return new JdbcTemplate(admin).queryForObject("select version()", String.class);
  }

  /** The fixture's name for a number of tasks and a seed. */
  static String fixtureName(int tasks, long seed) {
    return "nrm_fixture_" + tasks + "_" + seed;
  }

  /** When the fixture was completely filled, if it was. */
  Optional<Fixture> fixture(String name) {
    if (!exists(name)) {
      return Optional.empty();
    }
    try (HikariDataSource fixture = pool(name, 1)) {
      JdbcTemplate jdbc = new JdbcTemplate(fixture);
      if (jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'benchmark_fixture'", Integer.class) == 0) {
        return Optional.empty();
      }
      return jdbc.query("select tasks, filled_at, fill_seconds from benchmark_fixture",
          (row, i) -> new Fixture(row.getInt(1), row.getTimestamp(2).toInstant(), row.getDouble(3))).stream().findFirst();
    }
  }

  /** The marker written at the end of a complete fill. */
  record Fixture(int tasks, Instant filledAt, double fillSeconds) {}

  static void markFilled(JdbcTemplate fixture, int tasks, Instant filledAt, double fillSeconds) {
    fixture.execute("create table benchmark_fixture (tasks integer not null, filled_at timestamp not null, fill_seconds double precision not null)");
    fixture.update("insert into benchmark_fixture values (?, ?, ?)", tasks, Timestamp.from(filledAt), fillSeconds);
  }

  /**
   * The copy of an older fixture has deadlines days behind it, and the product's job executor would
   * spend the run firing timers that were not due when it was filled: task due dates and timers move
   * by the fixture's age, so that every run finds what was overdue, and only that, overdue.
   */
  static int moveDeadlinesToNow(JdbcTemplate run, Instant filledAt) {
    long age = Math.max(0, Instant.now().toEpochMilli() - filledAt.toEpochMilli());
    String interval = "interval '" + age + " milliseconds'";
    return run.update("update act_ru_task set due_date_ = due_date_ + " + interval + " where due_date_ is not null")
        + run.update("update act_ru_job set duedate_ = duedate_ + " + interval + " where type_ = 'timer' and duedate_ is not null");
  }

  /**
   * While filling, the server skips what only protects against a crash (a crashed fill is refilled):
   * no fsync, no full-page writes. Autovacuum stays on: without its statistics of the growing tables
   * the planner keeps the plans of empty ones, and the fill slows down case after case.
   */
  void fillSettings() {
    JdbcTemplate jdbc = new JdbcTemplate(admin);
    jdbc.execute("alter system set fsync = off");
    jdbc.execute("alter system set full_page_writes = off");
    jdbc.execute("select pg_reload_conf()");
  }

  void measurementSettings() {
    JdbcTemplate jdbc = new JdbcTemplate(admin);
    jdbc.execute("alter system reset all");
    jdbc.execute("select pg_reload_conf()");
    jdbc.execute("checkpoint");
  }

  /**
   * Completing a task looks up its sub-tasks by {@code PARENT_TASK_ID_}, which has no index in
   * Camunda's schema: a scan of every open task, which at 100,000 tasks makes the fill crawl. The
   * fill adds the index for itself and drops it at the end, so that the measured schema is the
   * product's own.
   */
  static void addFillIndexes(JdbcTemplate fixture) {
    fixture.execute("create index benchmark_fill_task_parent on act_ru_task (parent_task_id_)");
  }

  static void dropFillIndexes(JdbcTemplate fixture) {
    fixture.execute("drop index if exists benchmark_fill_task_parent");
  }

  void recreate(String name) {
    drop(name);
    new JdbcTemplate(admin).execute("create database " + name);
  }

  /** A new copy of the fixture for this run (file copy: seconds, even for gigabytes). */
  void copy(String fixture, String copy) {
    drop(copy);
    new JdbcTemplate(admin).execute("create database " + copy + " template " + fixture + " strategy file_copy");
  }

  /** Planner statistics and visibility map, as autovacuum would have them on a server in use. */
  void analyse(String name) {
    try (HikariDataSource database = pool(name, 1)) {
      new JdbcTemplate(database).execute("vacuum analyze");
    }
  }

  private void drop(String name) {
    new JdbcTemplate(admin).execute("drop database if exists " + name + " with (force)");
  }

  private boolean exists(String name) {
    return new JdbcTemplate(admin).queryForObject("select count(*) from pg_database where datname = ?", Integer.class, name) > 0;
  }

  @Override
  public void close() throws IOException {
    admin.close();
    postgres.close();
  }
}
