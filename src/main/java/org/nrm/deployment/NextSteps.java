package org.nrm.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * No case without a next step: every element but an end event leads somewhere (by a flow, or by
 * an interrupting boundary event for a wait that only ends by one), every element but a
 * start or boundary event is reached from somewhere, and a gateway that chooses between paths has a
 * condition on each (or a default), so that no case stops at it with nowhere to go.
 */
final class NextSteps {

  private NextSteps() {}

  static List<ModelProblem> problemsOf(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    // by each flow's source and target: a model need not list a node's flows in the node itself
    Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();
    Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      outgoing.computeIfAbsent(flow.getSource(), source -> new ArrayList<>()).add(flow);
      incoming.computeIfAbsent(flow.getTarget(), target -> new ArrayList<>()).add(flow);
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      List<SequenceFlow> out = outgoing.getOrDefault(node, List.of());
      boolean compensation = node instanceof Activity activity && activity.isForCompensation();
      if (compensation) {
        continue;
      }
      if (!(node instanceof EndEvent) && out.isEmpty() && !leftByAnInterruptingEvent(node, outgoing)) {
        problems.add(ModelProblem.of(node, " no lleva a ningún paso: el caso quedaría detenido en él (añada un flujo"
            + " de salida o termine en un evento de fin)"));
      }
      if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent) && incoming.getOrDefault(node, List.of()).isEmpty()) {
        problems.add(ModelProblem.of(node, " no se alcanza desde ningún paso: le falta un flujo de entrada"));
      }
      if ((node instanceof ExclusiveGateway || node instanceof InclusiveGateway) && out.size() > 1) {
        for (SequenceFlow flow : out) {
          ConditionExpression condition = flow.getConditionExpression();
          boolean isDefault = flow.equals(defaultOf((Gateway) node));
          if (!isDefault && (condition == null || condition.getTextContent() == null || condition.getTextContent().isBlank())) {
            problems.add(ModelProblem.of(flow, " sale de la compuerta " + node.getId() + " sin condición y no es su"
                + " salida por defecto: dé a cada salida una condición, o marque una como salida por defecto"));
          }
        }
      }
    }
    return problems;
  }

  /** A wait that ends only by one of its interrupting boundary events (a follow-up period ended by its timer). */
  private static boolean leftByAnInterruptingEvent(FlowNode node, Map<FlowNode, List<SequenceFlow>> outgoing) {
    return node instanceof Activity && node.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
        .anyMatch(boundary -> boundary.getAttachedTo() == node && boundary.cancelActivity() && outgoing.containsKey(boundary));
  }

  private static SequenceFlow defaultOf(Gateway gateway) {
    if (gateway instanceof ExclusiveGateway exclusive) {
      return exclusive.getDefault();
    }
    return gateway instanceof InclusiveGateway inclusive ? inclusive.getDefault() : null;
  }
}
