package org.nrm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.nrm.deployment.WaitDeadlines;
import org.nrm.institutions.Institution;
import org.nrm.rules.DeadlineTable;

/**
 * The changed NrmCaseProcess that MigrationIntegrationTest deploys is a model the mechanism would
 * accept: meaningful ids, one institution per user task, a form of forms/ bound to its latest
 * version, a deadline of rules/deadlines.yml and its escalation on every user task.
 */
class ChangedModelTest {

  private final BpmnModelInstance changed = read(MigrationIntegrationTest.CHANGED_MODEL);

  @Test
  void everyElementHasAMeaningfulId() {
    Set<String> generated = new TreeSet<>();
    for (BaseElement element : changed.getModelElementsByType(BaseElement.class)) {
      if (element.getId() != null && !isDiagram(element) && !(element instanceof Process)
          && !element.getId().matches("[A-Z][A-Za-z]*_[A-Z][A-Za-z]*")) {
        generated.add(element.getId());
      }
    }
    assertThat(generated).isEmpty();
  }

  @Test
  void everyUserTaskHasOneInstitutionAFormADeadlineAndItsEscalation() throws IOException {
    Set<String> forms = Files.list(Path.of("forms")).map(form -> form.getFileName().toString().replace(".form", ""))
        .collect(Collectors.toSet());
    for (UserTask task : changed.getModelElementsByType(UserTask.class)) {
      String group = task.getCamundaCandidateGroups();
      assertThat(Institution.byId(group).isPresent() || group.equals("${treatAsChild ? 'child-protection' : 'response-team'}"))
          .as(task.getId() + ": " + group).isTrue();
      assertThat(forms).as(task.getId()).contains(task.getCamundaFormRef());
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
      BoundaryEvent overdue = changed.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(boundary -> boundary.getAttachedTo() == task).findFirst().orElseThrow();
      assertThat(overdue.getId()).as(task.getId() + " escalates").endsWith("Overdue");
      assertThat(overdue.cancelActivity()).isFalse();
      assertThat(overdue.getSucceedingNodes().singleResult().getId()).isEqualTo("UserTask_EscalateOverdueTask");
    }
    assertThat(WaitDeadlines.problemsOf(changed, DeadlineTable.parse(Files.readString(Path.of("rules/deadlines.yml"))).steps()))
        .isEmpty();
  }

  @Test
  void itAddsOneUserTaskAndRenamesOneAgainstTheShippedModel() throws IOException {
    Set<String> shipped = userTasks(Bpmn.readModelFromFile(Path.of("processes/NrmCaseProcess.bpmn").toFile()));
    Set<String> tasks = userTasks(changed);

    assertThat(difference(tasks, shipped)).containsExactlyInAnyOrder("UserTask_ReviewScreeningAndAssist", "UserTask_VerifyDocuments");
    assertThat(difference(shipped, tasks)).containsExactly("UserTask_ReviewScreening");
  }

  private static boolean isDiagram(ModelElementInstance element) {
    for (ModelElementInstance parent = element; parent != null; parent = parent.getParentElement()) {
      if (parent instanceof BpmnDiagram) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> userTasks(BpmnModelInstance model) {
    return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> difference(Set<String> these, Set<String> those) {
    Set<String> difference = new TreeSet<>(these);
    difference.removeAll(those);
    return difference;
  }

  private static BpmnModelInstance read(String resource) {
    try (InputStream in = ChangedModelTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
