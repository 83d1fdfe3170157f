package org.nrm.repatriation;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.nrm.engine.ParseListeners;
import org.nrm.institutions.MechanismProperties;
import org.nrm.intake.IntakeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A case handed over by another country gets a number of the receiving jurisdiction
 * ({@code GT-2026-000001}) when it starts, before the identity guard stores its identity under that
 * number. A hand-over to a jurisdiction this deployment does not serve is refused, and so is one
 * already received ({@link HandoverAlreadyReceivedException}, with the case it opened): each case
 * handed over is received once, however often its sender retries.
 */
@Component
@Order(0)
class ReceivedCaseNumberPlugin extends AbstractProcessEnginePlugin {

  private final IntakeService intake;
  private final ReceivedHandovers received;
  private final List<String> servedJurisdictions;

  ReceivedCaseNumberPlugin(@Lazy IntakeService intake, @Lazy ReceivedHandovers received, MechanismProperties mechanism) {
    this.intake = intake;
    this.received = received;
    this.servedJurisdictions = mechanism.jurisdictionCodes();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.register(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        if (process.getKey().equals(RepatriationProtocol.ORIGIN_PROCESS)) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) ReceivedCaseNumberPlugin.this::number);
        }
      }
    });
  }

  private void number(DelegateExecution execution) {
    Object jurisdiction = execution.getVariable(RepatriationProtocol.JURISDICTION);
    if (!servedJurisdictions.contains(jurisdiction)) {
      throw new ProcessEngineException("Este despliegue no atiende la jurisdicción " + jurisdiction
          + ": sólo " + String.join(", ", servedJurisdictions));
    }
    Object from = execution.getVariable(RepatriationProtocol.REFERRED_FROM_JURISDICTION);
    Object handover = execution.getVariable(RepatriationProtocol.HANDOVER_ID);
    Object fromCase = execution.getVariable(RepatriationProtocol.REFERRED_FROM_CASE);
    boolean identified = from != null && handover != null && fromCase != null;
    if (identified) {
      received.caseOf(from.toString(), handover.toString()).ifPresent(caseId -> {
        throw new HandoverAlreadyReceivedException(fromCase.toString(), caseId);
      });
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(intake.nextCaseNumber((String) jurisdiction));
    }
    if (identified) {
      // two deliveries at the same moment: the second's insert is refused by the key, its
      // transaction rolls back, and its sender's retry finds this case
      received.record(from.toString(), handover.toString(), fromCase.toString(), execution.getProcessInstanceId(),
          execution.getProcessBusinessKey());
    }
  }
}
