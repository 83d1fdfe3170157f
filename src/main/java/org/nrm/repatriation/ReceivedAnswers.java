package org.nrm.repatriation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;

/**
 * Whether the case a cross-border answer is meant for has received that answer already: one of its
 * elements that wait for the message (a receive task, a message event) has completed. A message
 * that arrives before its case waits for it is not one of these: its sender retries it.
 */
final class ReceivedAnswers {

  /** The answers between countries and the process that receives each. */
  private static final Map<String, String> RECEIVING_PROCESS = Map.of(
      RepatriationProtocol.RECEPTION_READY, RepatriationProtocol.DESTINATION_PROCESS,
      RepatriationProtocol.REINTEGRATION_OUTCOME, RepatriationProtocol.DESTINATION_PROCESS,
      RepatriationProtocol.RETURN_TRAVEL_CONFIRMED, RepatriationProtocol.ORIGIN_PROCESS);

  private final ProcessEngineConfigurationImpl engine;
  private final Map<String, Set<String>> receivingElements = new ConcurrentHashMap<>();

  ReceivedAnswers(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /**
   * The case this answer is for, when that case received it before and does not wait for it now;
   * empty for any other message, for a case that waits for it, and for one that has not had it yet.
   */
  Optional<String> repeated(MessageCorrelationBuilderImpl correlation) {
    String process = RECEIVING_PROCESS.get(correlation.getMessageName());
    Map<String, Object> correlationKeys = correlation.getCorrelationProcessInstanceVariables();
    if (process == null || (correlation.getBusinessKey() == null && correlationKeys == null)) {
      return Optional.empty();
    }
    // the sender's account may not read the cases: the question is the engine's, not the sender's
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      ExecutionQuery waiting = engine.getRuntimeService().createExecutionQuery()
          .messageEventSubscriptionName(correlation.getMessageName());
      HistoricProcessInstanceQuery cases = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(process);
      if (correlation.getTenantId() != null) {
        waiting.tenantIdIn(correlation.getTenantId());
        cases.tenantIdIn(correlation.getTenantId());
      }
      if (correlation.getBusinessKey() != null) {
        waiting.processInstanceBusinessKey(correlation.getBusinessKey());
        cases.processInstanceBusinessKey(correlation.getBusinessKey());
      }
      if (correlationKeys != null) {
        correlationKeys.forEach((name, value) -> {
          waiting.processVariableValueEquals(name, value);
          cases.variableValueEquals(name, value);
        });
      }
      if (waiting.count() > 0) {
        return Optional.<String>empty();
      }
      return cases.list().stream().filter(instance -> received(instance, correlation.getMessageName()))
          .map(HistoricProcessInstance::getBusinessKey).findFirst();
    }));
  }

  private boolean received(HistoricProcessInstance instance, String message) {
    return elementsReceiving(instance.getProcessDefinitionId(), message).stream()
        .anyMatch(element -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(element).finished().count() > 0);
  }

  private Set<String> elementsReceiving(String processDefinitionId, String message) {
    return receivingElements.computeIfAbsent(processDefinitionId + "/" + message, key -> {
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId);
      Stream<FlowNode> tasks = model.getModelElementsByType(ReceiveTask.class).stream()
          .filter(task -> task.getMessage() != null && message.equals(task.getMessage().getName())).map(FlowNode.class::cast);
      Stream<FlowNode> events = model.getModelElementsByType(Event.class).stream()
          .filter(event -> event.getChildElementsByType(MessageEventDefinition.class).stream()
              .anyMatch(definition -> definition.getMessage() != null && message.equals(definition.getMessage().getName())))
          .map(FlowNode.class::cast);
      return Stream.concat(tasks, events).map(FlowNode::getId).collect(Collectors.toUnmodifiableSet());
    });
  }
}
