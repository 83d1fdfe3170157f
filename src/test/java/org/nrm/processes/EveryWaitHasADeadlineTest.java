package org.nrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrm.deployment.ModelProblem;
import org.nrm.deployment.WaitDeadlines;
import org.nrm.repatriation.RepatriationProtocol;
import org.nrm.rules.DeadlineTable;

/**
 * No case can wait without a deadline anywhere: every model's user tasks, receive tasks,
 * intermediate catch events and event-based gateways walked, and every wait on another country
 * escalated to coordination, which still gets the answer if it arrives while it acts.
 */
class EveryWaitHasADeadlineTest {

  private static final Set<String> CROSS_BORDER_ANSWERS = Set.of(RepatriationProtocol.RECEPTION_READY,
      RepatriationProtocol.RETURN_TRAVEL_CONFIRMED, RepatriationProtocol.REINTEGRATION_OUTCOME);

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void noCaseWaitsWithoutADeadline(Path model) throws IOException {
    assertThat(WaitDeadlines.problemsOf(Bpmn.readModelFromFile(model.toFile()), deadlines().steps())).as(model.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void aWaitOnAnotherCountryEscalatesToCoordinationWhichStillGetsTheAnswer(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (ReceiveTask wait : model.getModelElementsByType(ReceiveTask.class)) {
      if (wait.getMessage() == null || !CROSS_BORDER_ANSWERS.contains(wait.getMessage().getName())) {
        continue;
      }
      BoundaryEvent deadline = boundaries(model, wait).filter(BoundaryEvent::cancelActivity).findFirst().orElseThrow();
      assertThat(deadline.getSucceedingNodes().list()).as(wait.getId() + " unanswered").singleElement()
          .isInstanceOfSatisfying(UserTask.class, task -> {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo("coordination");
            assertThat(boundaries(model, task).flatMap(boundary -> boundary.getEventDefinitions().stream())
                .filter(MessageEventDefinition.class::isInstance).map(message -> ((MessageEventDefinition) message).getMessage().getName()))
                .as("the answer arriving while coordination acts on " + task.getId()).containsExactly(wait.getMessage().getName());
          });
    }
  }

  @Test
  void aModelWithAWaitWithoutADeadlineIsReported() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("WaitsForeverProcess").startEvent()
        .userTask("UserTask_NoDueDate").camundaCandidateGroups("police")
        .receiveTask("ReceiveTask_NoTimer").message("Answer")
        .intermediateCatchEvent("CatchEvent_Answer").message("Answer")
        .userTask("UserTask_UnknownDeadline").camundaDueDate("${dueDates.of(jurisdiction, 'no-such-step')}")
        .endEvent().done();

    List<String> problems = WaitDeadlines.problemsOf(model, deadlines().steps()).stream().map(ModelProblem::message).toList();

    assertThat(problems).containsExactlyInAnyOrder(
        "El elemento UserTask_NoDueDate no tiene plazo (camunda:dueDate)",
        "El elemento UserTask_NoDueDate no escala cuando vence: le falta un temporizador de borde que no interrumpa",
        "El elemento UserTask_UnknownDeadline no escala cuando vence: le falta un temporizador de borde que no interrumpa",
        "El elemento ReceiveTask_NoTimer espera sin plazo: le falta un temporizador de borde que termine la espera",
        "El elemento CatchEvent_Answer espera sin plazo: use una tarea de recepción con un temporizador de borde, o una compuerta"
            + " basada en eventos con un temporizador",
        "El plazo «no-such-step» no existe en rules/deadlines.yml");
  }

  private static Stream<BoundaryEvent> boundaries(BpmnModelInstance model, Activity activity) {
    return model.getModelElementsByType(BoundaryEvent.class).stream().filter(boundary -> boundary.getAttachedTo() == activity);
  }

  private static DeadlineTable deadlines() {
    try {
      return DeadlineTable.parse(Files.readString(Path.of("rules/deadlines.yml")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
