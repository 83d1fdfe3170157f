package org.nrm.benchmark;

/**
 * The benchmark's PostgreSQL server with its kept databases (the fixtures and the last run's copy),
 * started for a person to look at query plans: {@code mvn -Pbenchmark test-compile exec:exec
 * -Dbenchmark.main=org.nrm.benchmark.DatabaseConsole}, then the printed {@code psql} command, and
 * {@code EXPLAIN ANALYZE} on the statements of the product's log. Stops on Ctrl-C.
 */
public final class DatabaseConsole {

  private DatabaseConsole() {}

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
    try (BenchmarkDatabase database = BenchmarkDatabase.start(options.workDirectory())) {
      System.out.println("The benchmark's PostgreSQL server runs: psql '" + database.jdbcUrl(BenchmarkDatabase.RUN_DATABASE)
          .replace("jdbc:", "") + "'  (Ctrl-C stops it)");
      Thread.currentThread().join();
    }
  }
}
