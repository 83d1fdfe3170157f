package org.nrm.benchmark;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Closed-loop load: a number of clients, each sending its next request as soon as the previous one
 * answered, first for a warm-up (not recorded), then for the measured duration. Every answer of the
 * measured window is recorded, failures included.
 */
final class LoadDriver {

  /** What the driver tells about each measured answer. */
  interface Listener {
    void answered(int client, long sentAtMillis, Http.Answer answer);
  }

  /** The measured window and its answers. */
  record Window(long startMillis, long endMillis, Latencies latencies) {

    double seconds() {
      return (endMillis - startMillis) / 1e3;
    }
  }

  private final Http http;

  LoadDriver(Http http) {
    this.http = http;
  }

  /**
   * @param requests the next request of a client (by client number), built fresh for every call
   */
  Window run(int clients, Duration warmup, Duration duration, IntFunction<HttpRequest> requests, Listener listener)
      throws InterruptedException {
    long warmupEnds = System.currentTimeMillis() + warmup.toMillis();
    long windowEnds = warmupEnds + duration.toMillis();
    Latencies latencies = new Latencies();
    List<Thread> threads = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      int number = client;
      Thread thread = new Thread(() -> {
        while (true) {
          HttpRequest request = requests.apply(number);
          long sentAt = System.currentTimeMillis();
          if (sentAt >= windowEnds) {
            return;
          }
          Http.Answer answer = http.send(request);
          if (sentAt >= warmupEnds) {
            latencies.record(answer.status(), answer.nanos());
            listener.answered(number, sentAt, answer);
          }
        }
      }, "benchmark-client-" + client);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Window(warmupEnds, windowEnds, latencies);
  }
}
