package org.nrm.benchmark;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one measurement and the status of every answer. HdrHistogram (it comes with
 * Micrometer, already a dependency of the product's actuator) keeps exact percentiles at 3
 * significant digits from microseconds to minutes, recorded from many threads.
 */
final class Latencies {

  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int failures;

  synchronized void record(int status, long nanos) {
    statuses.merge(status, 1, Integer::sum);
    if (status >= 200 && status < 300) {
      histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
    } else {
      failures++;
    }
  }

  /** A failure found by checking the answer (wrong rows) rather than by its status. */
  synchronized void wrongAnswer() {
    failures++;
    statuses.merge(-1, 1, Integer::sum);
  }

  synchronized void recordMillis(long millis) {
    histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, millis * 1_000)));
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }

  synchronized int failures() {
    return failures;
  }

  /** Milliseconds at a percentile of the successful calls. */
  synchronized double millis(double percentile) {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e3;
  }

  synchronized double maxMillis() {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e3;
  }

  /** The statuses that were not a success, e.g. "500×3, timeout×1", or empty. */
  synchronized String failureSummary() {
    StringBuilder text = new StringBuilder();
    statuses.forEach((status, count) -> {
      if (status < 200 || status >= 300) {
        String name = switch (status) {
          case -1 -> "wrong rows";
          case 598 -> "timeout";
          case 599 -> "connection";
          default -> "HTTP " + status;
        };
        text.append(text.isEmpty() ? "" : ", ").append(name).append("×").append(count);
      }
    });
    return text.toString();
  }
}
