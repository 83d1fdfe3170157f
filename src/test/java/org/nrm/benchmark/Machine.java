package org.nrm.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures come from. */
record Machine(int cores, String cpu, long memoryMiB, String java, String postgres) {

  static Machine describe(String postgresVersion) throws IOException, InterruptedException {
    return new Machine(Runtime.getRuntime().availableProcessors(), readCpu(), readMemoryMiB(), javaVersion(), postgresVersion);
  }

  /** The load average now: other work on the machine makes every figure slower. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  String summary() {
    return "%d cores (%s), %,d MiB RAM; %s; %s".formatted(cores, cpu, memoryMiB, java, postgres);
  }

  private static String readCpu() throws IOException {
    return lines("/proc/cpuinfo").stream().filter(line -> line.startsWith("model name")).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
  }

  private static long readMemoryMiB() throws IOException {
    return lines("/proc/meminfo").stream().filter(line -> line.startsWith("MemTotal:")).findFirst()
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(0L);
  }

  /** {@code java -version} of the JVM that runs the product. */
  private static String javaVersion() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return String.join(" / ", output.trim().lines().toList());
  }

  private static List<String> lines(String file) throws IOException {
    Path path = Path.of(file);
    return Files.exists(path) ? Files.readAllLines(path) : List.of();
  }
}
