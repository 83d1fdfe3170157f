package org.nrm.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Signal;

/**
 * Ids say what an element is and what it means ({@code UserTask_DecideIdentification},
 * {@code Gateway_IsChild}, {@code SequenceFlow_IsChildYes}); the process id ends in {@code Process}.
 * The ids Camunda Modeler generates ({@code Activity_0xrmvgg}, {@code Flow_1abc}) are refused: the
 * statistics, the access policy and the migration of running cases all go by id. The same rule as
 * the build's bpmnlint rule {@code nrm/named-ids}.
 */
final class NamedIds {

  private static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("startEvent", "StartEvent"), Map.entry("endEvent", "EndEvent"), Map.entry("userTask", "UserTask"),
      Map.entry("serviceTask", "ServiceTask"), Map.entry("businessRuleTask", "BusinessRuleTask"),
      Map.entry("sendTask", "SendTask"), Map.entry("receiveTask", "ReceiveTask"), Map.entry("scriptTask", "ScriptTask"),
      Map.entry("manualTask", "ManualTask"), Map.entry("task", "Task"), Map.entry("callActivity", "CallActivity"),
      Map.entry("subProcess", "SubProcess"), Map.entry("exclusiveGateway", "Gateway"),
      Map.entry("inclusiveGateway", "Gateway"), Map.entry("eventBasedGateway", "Gateway"),
      Map.entry("complexGateway", "Gateway"), Map.entry("parallelGateway", "ParallelGateway|Gateway"),
      Map.entry("boundaryEvent", "BoundaryEvent"),
      Map.entry("intermediateCatchEvent", "TimerEvent|MessageEvent|SignalEvent|ConditionalEvent|CatchEvent"),
      Map.entry("intermediateThrowEvent", "ThrowEvent|MessageEvent|SignalEvent|EscalationEvent"),
      Map.entry("sequenceFlow", "SequenceFlow"), Map.entry("message", "Message"), Map.entry("error", "Error"),
      Map.entry("signal", "Signal"), Map.entry("escalation", "Escalation"));

  private static final Map<String, Pattern> ID_PATTERNS = PREFIXES.values().stream().distinct().collect(
      Collectors.toMap(prefixes -> prefixes, prefixes -> Pattern.compile("(?:" + prefixes + ")_[A-Z][A-Za-z0-9]*")));
  private static final Pattern PROCESS_ID = Pattern.compile("[A-Z][A-Za-z0-9]*Process");

  private NamedIds() {}

  static List<ModelProblem> problemsOf(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getId() == null || !PROCESS_ID.matcher(process.getId()).matches()) {
        problems.add(new ModelProblem(process.getId(), "El proceso " + process.getId()
            + " no sigue la convención de nombres: su id es un nombre en PascalCase terminado en «Process»"
            + " (p. ej. NrmCaseProcess)"));
      }
    }
    List<BaseElement> named = new ArrayList<>(model.getModelElementsByType(FlowElement.class));
    named.addAll(model.getModelElementsByType(Message.class));
    named.addAll(model.getModelElementsByType(Error.class));
    named.addAll(model.getModelElementsByType(Signal.class));
    named.addAll(model.getModelElementsByType(Escalation.class));
    for (BaseElement element : named) {
      String prefixes = PREFIXES.get(element.getElementType().getTypeName());
      if (prefixes != null && (element.getId() == null || !ID_PATTERNS.get(prefixes).matcher(element.getId()).matches())) {
        String example = prefixes.split("\\|")[0];
        problems.add(ModelProblem.of(element, " no sigue la convención de nombres: su id debe ser «" + example
            + "_» seguido de lo que significa en PascalCase (p. ej. " + example + "_DecideIdentification), no un id"
            + " generado"));
      }
    }
    return problems;
  }
}
