package org.nrm.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The product in a JVM of its own, as {@code mvn spring-boot:run} or the jar would run it, on a free
 * port: for tests of the product as it starts by default (H2), which a second application context in
 * the test JVM cannot be (Camunda keeps its engines and webapps in JVM-wide registries).
 */
public final class ProductProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ProductProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the product with these arguments and waits until its health check answers UP. */
  public static ProductProcess start(Path log, String... arguments) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", productClassPath(),
        "org.nrm.NrmApplication", "--server.port=" + port));
    command.addAll(List.of(arguments));
    log.toFile().getParentFile().mkdirs();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ProductProcess product = new ProductProcess(process, port);
    try {
      product.awaitHealthy(Duration.ofMinutes(2));
    } catch (Exception | AssertionError e) {
      product.close();
      throw e;
    }
    return product;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the product stopped during start-up (exit " + process.exitValue() + ")");
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the product did not become healthy within " + timeout);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** The test class path without the test classes: the product as it ships, with no test beans. */
  private static String productClassPath() {
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(testClassPath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A fresh folder for a product's files (an H2 database, its log) under Maven's target folder. */
  public static Path workFolder(String name) {
    return new File("target", name).toPath().toAbsolutePath();
  }
}
