package org.nrm.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One query, called again and again by one user, one call at a time: a short warm-up, then up to a
 * number of repetitions within a time budget (a query that takes seconds is measured fewer times,
 * never skipped). Every answer must be a success with the expected rows; one that is not is counted
 * as a failure, never timed as fast.
 */
final class QueryProbe {

  private static final long WARMUP_NANOS = 5_000_000_000L;
  private static final int WARMUP_CALLS = 5;

  /** A measured query. */
  record Result(String section, String query, String user, String expected, Latencies latencies, String problem) {}

  private final int repetitions;
  private final long budgetNanos;
  private final List<Result> results = new ArrayList<>();

  QueryProbe(int repetitions, int budgetSeconds) {
    this.repetitions = repetitions;
    this.budgetNanos = budgetSeconds * 1_000_000_000L;
  }

  /**
   * @param check what is wrong with a successful answer (rows, count), or null when it is right
   */
  Result measure(String section, String query, String user, String expected, Supplier<Http.Answer> call,
      Function<Http.Answer, String> check) {
    long warmupStart = System.nanoTime();
    for (int i = 0; i < WARMUP_CALLS && System.nanoTime() - warmupStart < WARMUP_NANOS; i++) {
      call.get();
    }
    Latencies latencies = new Latencies();
    String problem = null;
    long start = System.nanoTime();
    for (int i = 0; i < repetitions && (i == 0 || System.nanoTime() - start < budgetNanos); i++) {
      Http.Answer answer = call.get();
      String wrong = answer.ok() ? check.apply(answer) : "HTTP " + answer.status() + ": " + abbreviate(answer.body());
      if (wrong == null) {
        latencies.record(answer.status(), answer.nanos());
      } else {
        if (answer.ok()) {
          latencies.wrongAnswer();
        } else {
          latencies.record(answer.status(), answer.nanos());
        }
        problem = problem == null ? wrong : problem;
      }
    }
    Result result = new Result(section, query, user, expected, latencies, problem);
    results.add(result);
    System.out.printf("  %-44s %-17s n=%-3d p50 %9.1f ms  p95 %9.1f ms%s%n", query, user, latencies.count(), latencies.millis(50),
        latencies.millis(95), problem == null ? "" : "  PROBLEM: " + problem);
    return result;
  }

  List<Result> results() {
    return results;
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
  }
}
