package org.nrm.casesummary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nrm.intake.IntakeSchema;

/**
 * Every task has its case summary, every form shows it first, no form asks again what the single
 * interview recorded, and the README's table says what each task shows.
 */
class CaseSummariesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
  /** The person's choices, which may change after the interview: a form shows what it recorded and asks to confirm it. */
  private static final Set<String> CONFIRMED_WITH_THE_PERSON = Set.of("wantsToFileComplaint", "wishesToReturn", "fearOfReturn");

  @Test
  void everyUserTaskOfEveryModelHasItsSummaryAndTheSummariesNameNoOtherTask() throws Exception {
    List<String> userTasks = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = USER_TASK.matcher(Files.readString(model));
        while (matcher.find()) {
          userTasks.add(matcher.group(1));
        }
      }
    }

    assertThat(userTasks).hasSizeGreaterThan(25);
    assertThat(CaseSummaries.byTask().keySet()).containsExactlyInAnyOrderElementsOf(Set.copyOf(userTasks));
    assertThat(CaseSummaries.byTask().values()).allSatisfy(summary -> assertThat(summary.facts()).isNotEmpty());
  }

  @Test
  void everyTaskFormOpensWithTheCaseSummary() throws Exception {
    for (Path form : taskForms()) {
      JsonNode first = JSON.readTree(form.toFile()).path("components").get(0);
      assertThat(first.path("type").asText()).as(form.toString()).isEqualTo("table");
      assertThat(first.path("dataSource").asText()).as(form.toString()).isEqualTo("=" + CaseSummaryPlugin.VARIABLE);
      assertThat(first.path("label").asText()).as(form.toString()).startsWith("Resumen del caso");
    }
  }

  @Test
  void noTaskFormAsksAgainAFactTheInterviewRecorded() throws Exception {
    Set<String> interview = Set.copyOf(iterable(IntakeSchema.document().path("properties").fieldNames()));
    for (Path form : taskForms()) {
      for (JsonNode input : inputs(JSON.readTree(form.toFile()).path("components"), new ArrayList<>())) {
        String key = input.path("key").asText();
        if (!interview.contains(key)) {
          continue;
        }
        assertThat(key).as(form + " asks " + key).isIn(CONFIRMED_WITH_THE_PERSON);
        assertThat(input.path("label").asText()).as(form + " " + key).contains("la entrevista");
      }
    }
  }

  @Test
  void theReadmeSaysWhatEachTaskShows() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    CaseSummaries.byTask().forEach((task, summary) -> {
      String row = readme.lines().filter(line -> line.startsWith("|") && line.contains("`" + task + "`")).findFirst().orElse("");
      assertThat(row).as("README row of " + task).isNotEmpty();
      summary.facts().forEach(fact -> assertThat(row).as(task).contains(fact.description()));
    });
    CaseSummaries.referralAdditions().forEach((institution, facts) -> {
      String row = readme.lines().filter(line -> line.startsWith("|") && line.contains("referral to `" + institution + "`"))
          .findFirst().orElse("");
      assertThat(row).as("README row of a referral to " + institution).isNotEmpty();
      facts.forEach(fact -> assertThat(row).as(institution).contains(fact.description()));
    });
  }

  private static List<Path> taskForms() throws Exception {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      List<Path> taskForms = forms.filter(path -> path.toString().endsWith(".form") && !path.endsWith("intake-case.form")).sorted().toList();
      assertThat(taskForms).hasSizeGreaterThan(25);
      return taskForms;
    }
  }

  /** The fields a person fills in: keyed components that are not disabled or read-only. */
  private static List<JsonNode> inputs(JsonNode components, List<JsonNode> found) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
        found.add(component);
      }
      inputs(component.path("components"), found);
    }
    return found;
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> items = new ArrayList<>();
    iterator.forEachRemaining(items::add);
    return items;
  }
}
