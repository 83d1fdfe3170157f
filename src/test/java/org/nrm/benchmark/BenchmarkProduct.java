package org.nrm.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nrm.support.ProductProcess;

/**
 * The product as it runs in production, in a JVM of its own ({@link ProductProcess}): its runtime
 * classpath as Maven lists it, profiles {@code postgres,demo}, the job executor on, the benchmark's
 * extra JVM options and arguments passed through, its output in target/benchmark/product.log. Adds
 * what the report reads: Spring's start-up time and the JVM's memory.
 */
final class BenchmarkProduct implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Started NrmApplication in ([0-9.]+) seconds");

  private final ProductProcess process;
  private final Path log;

  private BenchmarkProduct(ProductProcess process, Path log) {
    this.process = process;
    this.log = log;
  }

  static BenchmarkProduct start(BenchmarkOptions options, String jdbcUrl) throws IOException, InterruptedException {
    Map<String, String> environment = new HashMap<>(ProductEnvironment.variables(jdbcUrl));
    environment.put("SPRING_PROFILES_ACTIVE", String.join(",", ProductEnvironment.PROFILES));
    // a fixture filled by an earlier version would get its open tasks' summaries and its cases'
    // statistics records while being measured
    environment.put("NRM_TASKS_BACKFILLONSTART", "false");
    environment.put("NRM_STATISTICS_BACKFILLONSTART", "false");
    Path log = options.workDirectory().resolve("product.log");
    String classPath = options.productClasses() + java.io.File.pathSeparator
        + Files.readString(options.productClasspathFile()).trim();
    BenchmarkProduct product = new BenchmarkProduct(ProductProcess.start(new ProductProcess.Launch(
        split(options.productJvmArgs()), classPath, environment, split(options.productArgs()), log, Duration.ofMinutes(10))),
        log);
    Runtime.getRuntime().addShutdownHook(new Thread(product::close));
    return product;
  }

  URI baseUri() {
    return process.baseUri();
  }

  /** From spawning the process to /actuator/health answering UP. */
  double secondsToHealthy() {
    return process.secondsToHealthy();
  }

  /** What Spring Boot logs: "Started NrmApplication in X seconds". */
  Optional<Double> springStartSeconds() throws IOException {
    Matcher matcher = STARTED.matcher(Files.readString(log));
    return matcher.find() ? Optional.of(Double.valueOf(matcher.group(1))) : Optional.empty();
  }

  /** VmRSS and VmHWM of the product's JVM, in MiB. */
  Map<String, Long> memory() throws IOException {
    Map<String, Long> memory = new LinkedHashMap<>();
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
    return process.commandLine();
  }

  private static List<String> split(String arguments) {
    return arguments.isBlank() ? List.of() : Arrays.asList(arguments.trim().split("\\s+"));
  }

  @Override
  public void close() {
    process.close();
  }
}
