package org.nrm.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures of one run, side by side, as Markdown (printed, and written to target/benchmark/report.md). */
final class Report {

  private final List<String> lines = new ArrayList<>();
  private final List<String> facts = new ArrayList<>();
  private final List<String> startup = new ArrayList<>();
  private List<IntakeThroughput.Level> intake = List.of();
  private List<QueryProbe.Result> queries = List.of();
  private String taskCounts = "";

  void fact(String name, String value) {
    facts.add("| " + name + " | " + value + " |");
  }

  void startup(double secondsToHealthy, Optional<Double> springSeconds, Map<String, Long> idle) {
    startup.add("| start-up: spawn → /actuator/health UP | %.1f s |".formatted(secondsToHealthy));
    startup.add("| start-up: Spring's \"Started NrmApplication in\" | %s |".formatted(springSeconds.map(s -> s + " s").orElse("not logged")));
    startup.add("| RSS idle, after start-up (VmRSS / VmHWM) | %s |".formatted(memory(idle)));
  }

  void afterLoad(Map<String, Long> memory) {
    startup.add("| RSS after the load (VmRSS / VmHWM) | %s |".formatted(memory(memory)));
  }

  void intake(List<IntakeThroughput.Level> levels) {
    this.intake = levels;
  }

  void queries(List<QueryProbe.Result> results) {
    this.queries = results;
  }

  void taskCounts(String table) {
    this.taskCounts = table;
  }

  String markdown() {
    lines.clear();
    lines.add("# Benchmark run " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    lines.add("");
    lines.add("| | |");
    lines.add("|---|---|");
    lines.addAll(facts);
    lines.addAll(startup);
    if (!intake.isEmpty()) {
      intakeTable();
    }
    for (String section : List.of("tasklist", "cockpit", "history")) {
      queryTable(section);
    }
    if (!taskCounts.isEmpty()) {
      lines.add("");
      lines.add("## Open tasks of the run's database by institution and jurisdiction (SQL)");
      lines.add("");
      lines.add(taskCounts);
    }
    return String.join("\n", lines) + "\n";
  }

  void write(Path file) throws IOException {
    Files.writeString(file, markdown());
  }

  private void intakeTable() {
    lines.add("");
    lines.add("## Intake end to end against a bare one-task process (closed loop, measured window)");
    lines.add("");
    lines.add("Intake: `POST /api/cases`, the screening job of the job executor, the first task (`UserTask_ReviewScreening`): "
        + "completed per second from the window's start to the last first task's `CREATE_TIME_`. Bare: "
        + "`POST /engine-rest/process-definition/key/BenchmarkBareProcess/start`, one user task of `response-team`.");
    lines.add("");
    lines.add("| clients | intake completed/s | intake 201/s | intake HTTP p50 / p95 / p99 ms | request → first task p50 / p95 / p99 ms "
        + "| bare started/s | bare HTTP p50 / p95 / p99 ms | ratio intake/bare | failures |");
    lines.add("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (IntakeThroughput.Level level : intake) {
      var in = level.intake();
      var bare = level.bare();
      String failures = join("intake: ", in.http().failureSummary(), in.withoutTask() > 0 ? in.withoutTask() + " without first task" : "")
          + join(" bare: ", bare.http().failureSummary(), bare.withoutTask() > 0 ? bare.withoutTask() + " without task" : "");
      lines.add("| %d | %.1f | %.1f | %s | %s | %.1f | %s | %.2f | %s |".formatted(level.clients(), in.completedPerSecond(),
          in.answeredPerSecond(), triple(in.http()), triple(in.toFirstTask()), bare.completedPerSecond(), triple(bare.http()),
          level.ratio(), failures.isBlank() ? "none" : failures));
    }
  }

  private void queryTable(String section) {
    List<QueryProbe.Result> rows = queries.stream().filter(result -> result.section().equals(section)).toList();
    if (rows.isEmpty()) {
      return;
    }
    lines.add("");
    lines.add("## " + switch (section) {
      case "tasklist" -> "Task lists and counts: an institution user against admin";
      case "cockpit" -> "Cockpit's process instance list: a coordinator against admin";
      default -> "History of one case's tasks: a coordinator against admin";
    });
    lines.add("");
    lines.add("| query | user | answer | n | p50 ms | p95 ms | max ms | p95 / admin's | problems |");
    lines.add("|---|---|---|---:|---:|---:|---:|---:|---|");
    for (QueryProbe.Result row : rows) {
      Optional<QueryProbe.Result> admin = rows.stream()
          .filter(other -> other.query().equals(row.query()) && other.user().equals(TasklistQueries.ADMIN)).findFirst();
      String ratio = admin.isEmpty() || row.user().equals(TasklistQueries.ADMIN) ? ""
          : "%.1f×".formatted(row.latencies().millis(95) / admin.get().latencies().millis(95));
      String problems = join("", row.latencies().failureSummary(), row.problem() == null ? "" : row.problem());
      lines.add("| %s | %s | %s | %d | %s | %s | %s | %s | %s |".formatted(row.query(), row.user(), row.expected(),
          row.latencies().count(), ms(row.latencies().millis(50)), ms(row.latencies().millis(95)), ms(row.latencies().maxMillis()),
          ratio, problems.isBlank() ? "" : problems));
    }
  }

  private static String triple(Latencies latencies) {
    return latencies == null ? "" : ms(latencies.millis(50)) + " / " + ms(latencies.millis(95)) + " / " + ms(latencies.millis(99));
  }

  private static String ms(double millis) {
    return Double.isNaN(millis) ? "–" : millis >= 100 ? "%,.0f".formatted(millis) : "%.1f".formatted(millis);
  }

  private static String memory(Map<String, Long> memory) {
    return "%,d / %,d MiB".formatted(memory.getOrDefault("VmRSS", -1L), memory.getOrDefault("VmHWM", -1L));
  }

  private static String join(String prefix, String first, String second) {
    String text = first.isBlank() ? second : second.isBlank() ? first : first + "; " + second;
    return text.isBlank() ? "" : prefix + text;
  }
}
