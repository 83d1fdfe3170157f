package org.nrm.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Nodes of one cluster: the product as it ships, each in a JVM of its own ({@link ProductProcess},
 * profiles {@code postgres,demo}), all on one PostgreSQL server, each with its job executor on and
 * its node name ({@code nrm.cluster.node-name}, its log {@code <name>.log} in the folder). Their job
 * lock is the one given, and an idle job executor looks for due jobs at least every
 * {@link #IDLE_WAIT} (Camunda's default: up to a minute), so that the tests wait seconds, not minutes.
 */
public final class ClusterNodes {

  public static final Duration IDLE_WAIT = Duration.ofMillis(100);

  private ClusterNodes() {}

  /** Starts one node; the first on a new database creates the engine's schema, so start it alone. */
  public static ProductProcess start(EmbeddedPostgres postgres, Path folder, String name, Duration lock, String... settings)
      throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres", "--nrm.cluster.node-name=" + name,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lock.toMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=" + IDLE_WAIT.toMillis() / 2,
        "--camunda.bpm.job-execution.max-wait=" + IDLE_WAIT.toMillis()));
    arguments.addAll(List.of(settings));
    return ProductProcess.start(logOf(folder, name), arguments.toArray(String[]::new));
  }

  /** Where the node of that name writes its log. */
  public static Path logOf(Path folder, String name) {
    return folder.resolve(name + ".log");
  }

  /** Starts nodes at the same time, on a database whose schema exists; in the order of the names. */
  public static List<ProductProcess> startTogether(EmbeddedPostgres postgres, Path folder, Duration lock, String... names)
      throws Exception {
    ExecutorService starting = Executors.newFixedThreadPool(names.length);
    List<Future<ProductProcess>> started = new ArrayList<>();
    for (String name : names) {
      started.add(starting.submit(() -> start(postgres, folder, name, lock)));
    }
    starting.shutdown();
    List<ProductProcess> nodes = new ArrayList<>();
    Exception failure = null;
    for (Future<ProductProcess> node : started) {
      try {
        nodes.add(node.get());
      } catch (ExecutionException e) {
        failure = e.getCause() instanceof Exception cause ? cause : e;
      }
    }
    if (failure != null) {
      nodes.forEach(ProductProcess::close);
      throw failure;
    }
    return nodes;
  }
}
