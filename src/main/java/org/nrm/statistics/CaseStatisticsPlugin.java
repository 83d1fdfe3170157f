package org.nrm.statistics;

import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.nrm.engine.ParseListeners;
import org.nrm.institutions.MechanismProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's statistics record in step with the case, in the engine's transaction: after the
 * intake (the end of the case's start event), after every decision of the rules (the end of each
 * business rule task) and of an institution (the end of each user task), and when the case ends.
 * Whatever an analyst adds to the case's model is covered the same way.
 */
@Component
class CaseStatisticsPlugin extends AbstractProcessEnginePlugin {

  private final String caseProcessKey;
  private final CaseStatisticsStore store;
  private final MechanismProperties mechanism;

  CaseStatisticsPlugin(@Value("${nrm.intake.process-key:NrmCaseProcess}") String caseProcessKey, @Lazy CaseStatisticsStore store,
      MechanismProperties mechanism) {
    this.caseProcessKey = caseProcessKey;
    this.store = store;
    this.mechanism = mechanism;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExecutionListener record = this::record;
    ParseListeners.register(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        if (process.getKey().equals(caseProcessKey)) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) CaseStatisticsPlugin.this::close);
        }
      }

      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
        onEnd(scope, startEvent);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        onEnd(scope, activity);
      }

      @Override
      public void parseBusinessRuleTask(Element businessRuleTaskElement, ScopeImpl scope, ActivityImpl activity) {
        onEnd(scope, activity);
      }

      private void onEnd(ScopeImpl scope, ActivityImpl activity) {
        if (((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey().equals(caseProcessKey)) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, record);
        }
      }
    });
  }

  private void record(DelegateExecution execution) {
    DelegateExecution caseInstance = execution.getProcessInstance();
    ZoneId zone = zoneOf(caseInstance);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    store.write(caseInstance.getId(), CaseStatistics.of(caseInstance.getVariables(), zone), now.atZone(zone).toLocalDate(), now);
  }

  private void close(DelegateExecution caseInstance) {
    record(caseInstance);
    store.close(caseInstance.getId(), ClockUtil.getCurrentTime().toInstant().atZone(zoneOf(caseInstance)).toLocalDate());
  }

  private ZoneId zoneOf(DelegateExecution caseInstance) {
    Object jurisdiction = caseInstance.getVariable("jurisdiction");
    return mechanism.timeZoneOf(jurisdiction == null ? "" : jurisdiction.toString());
  }
}
