package org.nrm.institutions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.nrm.engine.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * What each task's card in Tasklist shows of its case (the shared filters list these variables):
 * when any user task of any model is created, it gets the case number (its process instance's
 * business key, which called processes such as referrals and repatriation carry too) and the case's
 * jurisdiction as variables of its own. Of the task, not of the case: Tasklist reads a card's
 * variables with the user's permissions, and an institution may read its tasks, not the whole case
 * (least privilege).
 */
@Component
class CaseNumberOnTasksPlugin extends AbstractProcessEnginePlugin {

  static final String VARIABLE = "caseNumber";
  static final String JURISDICTION = "caseJurisdiction";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.register(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CaseNumberOnTasksPlugin::number);
      }
    });
  }

  private static void number(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    if (execution.getProcessBusinessKey() != null) {
      task.setVariableLocal(VARIABLE, execution.getProcessBusinessKey());
    }
    if (execution.getVariable("jurisdiction") != null) {
      task.setVariableLocal(JURISDICTION, execution.getVariable("jurisdiction"));
    }
  }
}
