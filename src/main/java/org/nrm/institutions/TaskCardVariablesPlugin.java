package org.nrm.institutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.nrm.engine.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * What each task's card in Tasklist shows of its case (the shared filters list these variables):
 * when any user task of any model is created, it gets the case number (its process instance's
 * business key, which called processes such as referrals and repatriation carry too), the case's
 * jurisdiction, and its profile (child or adult, risk level) as variables of its own. Of the task,
 * not of the case: Tasklist reads a card's variables with the user's permissions, and an
 * institution may read its tasks, not the whole case (least privilege).
 */
@Component
public class TaskCardVariablesPlugin extends AbstractProcessEnginePlugin {

  static final String CASE_NUMBER = "caseNumber";
  static final String JURISDICTION = "caseJurisdiction";
  static final String PROFILE = "caseProfile";
  private static final Map<String, String> RISK = Map.of(
      "low", "riesgo bajo", "medium", "riesgo medio", "high", "riesgo alto", "critical", "riesgo crítico");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, TaskCardVariablesPlugin::describeCase);
  }

  /** Writes the card's variables of a task (also for a task created before this version, see the case summary's backfill). */
  public static void describeCase(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    if (execution.getProcessBusinessKey() != null) {
      task.setVariableLocal(CASE_NUMBER, execution.getProcessBusinessKey());
    }
    if (execution.getVariable("jurisdiction") != null) {
      task.setVariableLocal(JURISDICTION, execution.getVariable("jurisdiction"));
    }
    String profile = profile(execution);
    if (!profile.isEmpty()) {
      task.setVariableLocal(PROFILE, profile);
    }
  }

  /**
   * "Niña, niño o adolescente · riesgo alto": what lets an institution choose what to do first, from
   * the rules' decisions of the case (a called process, such as a referral, reads its case's).
   */
  private static String profile(DelegateExecution execution) {
    List<String> parts = new ArrayList<>();
    Object child = decision(execution, "treatAsChild");
    if (child != null) {
      parts.add(Boolean.TRUE.equals(child) ? "Niña, niño o adolescente" : "Persona adulta");
    }
    Object risk = decision(execution, "riskLevel");
    if (risk != null && RISK.containsKey(risk.toString())) {
      parts.add(RISK.get(risk.toString()));
    }
    return String.join(" · ", parts);
  }

  private static Object decision(DelegateExecution execution, String name) {
    for (ExecutionEntity scope = (ExecutionEntity) execution; scope != null;
        scope = scope.getProcessInstance().getSuperExecution()) {
      Object value = scope.getVariable(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
