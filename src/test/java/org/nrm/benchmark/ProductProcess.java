package org.nrm.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product as it runs in production, in a JVM of its own: {@code org.nrm.NrmApplication} on its
 * runtime classpath, profiles {@code postgres,demo}, the job executor on, extra JVM options and
 * arguments passed through. Its output goes to target/benchmark/product.log.
 */
final class ProductProcess implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Started NrmApplication in ([0-9.]+) seconds");
  private static final Duration START_LIMIT = Duration.ofMinutes(10);

  private final Process process;
  private final List<String> command;
  private final int port;
  private final Path log;
  private final double secondsToHealthy;

  private ProductProcess(Process process, List<String> command, int port, Path log, double secondsToHealthy) {
    this.process = process;
    this.command = command;
    this.port = port;
    this.log = log;
    this.secondsToHealthy = secondsToHealthy;
  }

  static ProductProcess start(BenchmarkOptions options, String jdbcUrl) throws IOException, InterruptedException {
    int port = FreePort.find();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(split(options.productJvmArgs()));
    command.add("-cp");
    command.add(classpath(options));
    command.add("org.nrm.NrmApplication");
    command.add("--server.port=" + port);
    command.addAll(split(options.productArgs()));
    Path log = options.workDirectory().resolve("product.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(ProductEnvironment.variables(jdbcUrl));
    builder.environment().put("SPRING_PROFILES_ACTIVE", String.join(",", ProductEnvironment.PROFILES));
    long spawned = System.nanoTime();
    Process process = builder.start();
    ProductProcess product = new ProductProcess(process, command, port, log, waitUntilHealthy(process, port, spawned));
    Runtime.getRuntime().addShutdownHook(new Thread(product::close));
    return product;
  }

  URI baseUri() {
    return URI.create("http://localhost:" + port);
  }

  /** From spawning the process to /actuator/health answering UP. */
  double secondsToHealthy() {
    return secondsToHealthy;
  }

  /** What Spring Boot logs: "Started NrmApplication in X seconds". */
  Optional<Double> springStartSeconds() throws IOException {
    Matcher matcher = STARTED.matcher(Files.readString(log));
    return matcher.find() ? Optional.of(Double.valueOf(matcher.group(1))) : Optional.empty();
  }

  /** VmRSS and VmHWM of the product's JVM, in MiB. */
  Map<String, Long> memory() throws IOException {
    Map<String, Long> memory = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
        String[] parts = line.split("\\s+");
        memory.put(parts[0].replace(":", ""), Long.parseLong(parts[1]) / 1024);
      }
    }
    return memory;
  }

  /** The command, without its long classpath. */
  String commandLine() {
    List<String> shown = new ArrayList<>(command);
    shown.set(shown.indexOf("-cp") + 1, "…");
    return String.join(" ", shown);
  }

  private static double waitUntilHealthy(Process process, int port, long spawned) throws InterruptedException, IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() - spawned < START_LIMIT.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the product stopped while starting (exit " + process.exitValue() + "): see product.log");
      }
      try {
        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
          return (System.nanoTime() - spawned) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the product did not become healthy within " + START_LIMIT);
  }

  /** The product's runtime classpath: its classes and the runtime dependencies Maven listed. */
  private static String classpath(BenchmarkOptions options) throws IOException {
    return options.productClasses() + java.io.File.pathSeparator + Files.readString(options.productClasspathFile()).trim();
  }

  private static List<String> split(String arguments) {
    return arguments.isBlank() ? List.of() : Arrays.asList(arguments.trim().split("\\s+"));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
