package org.nrm.engine;

import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * A one-time upgrade of the data of earlier versions, run after start on a thread of its own so
 * that the product serves meanwhile. What it wrote is logged; a failure is logged and left to the
 * next start, which carries on where it stopped (each backfill skips what is done).
 */
public final class BackgroundBackfill {

  private BackgroundBackfill() {}

  /** Starts {@code backfill}, which returns how many it wrote; {@code written} is the log line, with {} for the count. */
  public static void start(String name, IntSupplier backfill, Logger log, String written) {
    Thread thread = new Thread(() -> {
      try {
        int count = backfill.getAsInt();
        if (count > 0) {
          log.info(written, count);
        }
      } catch (RuntimeException e) {
        log.warn("{} stopped; the next start carries on", name, e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }
}
