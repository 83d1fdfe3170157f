package org.nrm.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's settings, from system properties (Maven's {@code -D...}). The Maven profile passes
 * every property, empty when not given: an empty value means the default.
 */
record BenchmarkOptions(
    int tasks,
    boolean fresh,
    long seed,
    int fillThreads,
    List<Integer> clients,
    int durationSeconds,
    int warmupSeconds,
    int repetitions,
    int queryBudgetSeconds,
    int httpTimeoutSeconds,
    Set<String> skip,
    String productArgs,
    String productJvmArgs,
    String runSql,
    Path workDirectory,
    Path productClasses,
    Path productClasspathFile) {

  /** The parts that {@code -Dskip=} can leave out. */
  static final List<String> PARTS = List.of("intake", "tasklist", "cockpit", "history");

  static BenchmarkOptions fromSystemProperties() {
    Path target = Path.of(text("benchmark.target", "target"));
    BenchmarkOptions options = new BenchmarkOptions(
        number("tasks", 100_000),
        Boolean.parseBoolean(text("fresh", "false")),
        number("seed", 42),
        number("fill.threads", 6),
        Arrays.stream(text("clients", "1,10,50").split(",")).map(String::trim).map(Integer::valueOf).toList(),
        number("duration", 20),
        number("warmup", 5),
        number("repetitions", 50),
        number("query.budget", 30),
        number("http.timeout", 120),
        Arrays.stream(text("skip", "").split(",")).map(String::trim).filter(part -> !part.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        text("product.args", ""),
        text("product.jvmArgs", ""),
        text("run.sql", ""),
        target.resolve("benchmark"),
        Path.of(text("product.classes", target.resolve("classes").toString())),
        Path.of(text("product.classpath", target.resolve("benchmark/product.classpath").toString())));
    for (String part : options.skip) {
      if (!PARTS.contains(part)) {
        throw new IllegalArgumentException("-Dskip: unknown part «" + part + "» (parts: " + String.join(", ", PARTS) + ")");
      }
    }
    return options;
  }

  boolean runs(String part) {
    return !skip.contains(part);
  }

  private static String text(String name, String defaultValue) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  private static int number(String name, int defaultValue) {
    return Integer.parseInt(text(name, String.valueOf(defaultValue)).replace("_", ""));
  }
}
