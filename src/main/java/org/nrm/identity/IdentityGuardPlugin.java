package org.nrm.identity;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.nrm.engine.ParseListeners;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps identity data out of the engine for every process, whoever models it: a parse listener
 * captures {@code identity_*} form fields on process start and user task completion, and history
 * never records them.
 */
@Component
@Order(1)
class IdentityGuardPlugin extends AbstractProcessEnginePlugin {

  private final IdentityCaptureListener capture;

  IdentityGuardPlugin(@Lazy IdentityVault vault) {
    this.capture = new IdentityCaptureListener(vault);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.register(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        process.addBuiltInListener(ExecutionListener.EVENTNAME_START, capture);
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, capture);
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new IdentityHistoryFilter(configuration.getHistoryEventHandler()));
  }
}
