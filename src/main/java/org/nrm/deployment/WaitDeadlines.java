package org.nrm.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * No case waits without a deadline: what every model must guarantee, checked element by element.
 * A user task has a due date and a timer that escalates it when it is overdue; a receive task has
 * a timer that ends the wait (for a wait on another country: coordination is asked); a message,
 * signal or condition is never awaited by an intermediate catch event alone, which cannot carry a
 * timer (an event-based gateway with a timer may); every deadline named in a model is in
 * {@code rules/deadlines.yml}. The problems are in Spanish, for the analyst who drew the model.
 */
public final class WaitDeadlines {

  private static final Pattern DEADLINE_STEP = Pattern.compile("dueDates\\.(?:of|cycle)\\(\\s*\\w+\\s*,((?:\\s*'[^']*'\\s*,?)+)\\)");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private WaitDeadlines() {}

  /** What makes a case of this model able to wait without a deadline; empty when nothing does. */
  public static List<ModelProblem> problemsOf(BpmnModelInstance model, Set<String> deadlineSteps) {
    List<ModelProblem> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
        problems.add(ModelProblem.of(task, " no tiene plazo (camunda:dueDate)"));
      }
      if (timers(task, false).findAny().isEmpty()) {
        problems.add(ModelProblem.of(task, " no escala cuando vence: le falta un temporizador de borde que no interrumpa"));
      }
    }
    for (ReceiveTask wait : model.getModelElementsByType(ReceiveTask.class)) {
      if (timers(wait, true).findAny().isEmpty()) {
        problems.add(ModelProblem.of(wait, " espera sin plazo: le falta un temporizador de borde que termine la espera"));
      }
    }
    for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
      if (!isTimer(event) && !afterAGatewayWithATimer(event)) {
        problems.add(ModelProblem.of(event, " espera sin plazo: use una tarea de recepción con un temporizador de borde, o una"
            + " compuerta basada en eventos con un temporizador"));
      }
    }
    for (EventBasedGateway gateway : model.getModelElementsByType(EventBasedGateway.class)) {
      if (gateway.getSucceedingNodes().list().stream().noneMatch(WaitDeadlines::isTimer)) {
        problems.add(ModelProblem.of(gateway, " espera sin plazo: ninguno de sus eventos es un temporizador"));
      }
    }
    for (String step : deadlineStepsNamedIn(model)) {
      if (!deadlineSteps.contains(step)) {
        problems.add(new ModelProblem(null, "El plazo «" + step + "» no existe en rules/deadlines.yml"));
      }
    }
    return problems;
  }

  /** The steps of {@code dueDates.of(jurisdiction, 'step')} and {@code dueDates.cycle(...)} in due dates and timers. */
  static Set<String> deadlineStepsNamedIn(BpmnModelInstance model) {
    List<String> expressions = new ArrayList<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> expressions.add(task.getCamundaDueDate()));
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())
          .filter(expression -> expression != null).forEach(expression -> expressions.add(expression.getTextContent()));
    }
    Set<String> steps = new TreeSet<>();
    for (String expression : expressions) {
      if (expression == null) {
        continue;
      }
      Matcher call = DEADLINE_STEP.matcher(expression);
      while (call.find()) {
        Matcher step = QUOTED.matcher(call.group(1));
        while (step.find()) {
          steps.add(step.group(1));
        }
      }
    }
    return steps;
  }

  private static Stream<BoundaryEvent> timers(Activity activity, boolean interrupting) {
    Collection<BoundaryEvent> boundaries = activity.getModelInstance().getModelElementsByType(BoundaryEvent.class);
    return boundaries.stream().filter(boundary -> boundary.getAttachedTo() == activity)
        .filter(boundary -> boundary.cancelActivity() == interrupting)
        .filter(boundary -> boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
  }

  private static boolean isTimer(FlowNode node) {
    return node instanceof IntermediateCatchEvent event
        && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
  }

  private static boolean afterAGatewayWithATimer(IntermediateCatchEvent event) {
    return event.getPreviousNodes().list().stream().anyMatch(previous -> previous instanceof EventBasedGateway gateway
        && gateway.getSucceedingNodes().list().stream().anyMatch(WaitDeadlines::isTimer));
  }

}
