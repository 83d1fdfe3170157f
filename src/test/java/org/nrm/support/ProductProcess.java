package org.nrm.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The product in a JVM of its own, as {@code mvn spring-boot:run} or the jar would run it, on a free
 * port: for tests of the product as it starts (H2 by default), which a second application context in
 * the test JVM cannot be (Camunda keeps its engines and webapps in JVM-wide registries), and for the
 * benchmark. {@link #start} returns once {@code /actuator/health} answers UP.
 */
public final class ProductProcess implements AutoCloseable {

  private final Process process;
  private final List<String> command;
  private final int port;
  private final double secondsToHealthy;
  private volatile boolean paused;

  private ProductProcess(Process process, List<String> command, int port, double secondsToHealthy) {
    this.process = process;
    this.command = command;
    this.port = port;
    this.secondsToHealthy = secondsToHealthy;
  }

  /**
   * How to run it: the JVM's options, its classpath, the environment added to this JVM's, the
   * product's arguments (after {@code --server.port}), where its output goes, and how long it may take
   * to become healthy.
   */
  public record Launch(List<String> jvmArgs, String classPath, Map<String, String> environment, List<String> arguments,
      Path log, Duration startLimit) {

    /** As tests run it: this test run's classpath without the test classes, 512 MiB of heap, 2 minutes. */
    public static Launch ofTests(Path log, String... arguments) {
      return new Launch(List.of("-Xmx512m"), testClassPath(), Map.of(), List.of(arguments), log, Duration.ofMinutes(2));
    }
  }

  /** Starts the product as tests run it, with these arguments. */
  public static ProductProcess start(Path log, String... arguments) throws IOException, InterruptedException {
    return start(Launch.ofTests(log, arguments));
  }

  public static ProductProcess start(Launch launch) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch.jvmArgs());
    command.addAll(List.of("-cp", launch.classPath(), "org.nrm.NrmApplication", "--server.port=" + port));
    command.addAll(launch.arguments());
    launch.log().toFile().getParentFile().mkdirs();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(launch.log().toFile());
    builder.environment().putAll(launch.environment());
    long spawned = System.nanoTime();
    Process process = builder.start();
    try {
      return new ProductProcess(process, command, port, awaitHealthy(process, port, spawned, launch.startLimit()));
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public URI baseUri() {
    return URI.create(baseUrl());
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** From spawning the process to /actuator/health answering UP. */
  public double secondsToHealthy() {
    return secondsToHealthy;
  }

  /** The command line, with "…" for the classpath. */
  public String commandLine() {
    List<String> shown = new ArrayList<>(command);
    shown.set(shown.indexOf("-cp") + 1, "…");
    return String.join(" ", shown);
  }

  private static double awaitHealthy(Process process, int port, long spawned, Duration limit)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() - spawned < limit.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the product stopped during start-up (exit " + process.exitValue() + "): see its log");
      }
      try {
        HttpResponse<String> answer = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"")) {
          return (System.nanoTime() - spawned) / 1e9;
        }
      } catch (IOException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the product did not become healthy within " + limit);
  }

  /** Freezes the product (SIGSTOP), as a machine that stops answering would: it holds what it held, and does nothing more. */
  public void pause() {
    signal("STOP");
    paused = true;
  }

  /** Lets a frozen product go on (SIGCONT). */
  public void resume() {
    signal("CONT");
    paused = false;
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills the product as a failing machine would: SIGKILL, no shutdown of any kind. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the product as a service manager would (SIGTERM), forcibly after 60 seconds. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    if (paused) {
      resume();
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** This test run's classpath without the test classes: the product as it ships, with no test beans. */
  private static String testClassPath() {
    String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(testClassPath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** A port nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A fresh folder for a product's files (an H2 database, its log) under Maven's target folder. */
  public static Path workFolder(String name) {
    return new File("target", name).toPath().toAbsolutePath();
  }
}
