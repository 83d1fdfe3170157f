package org.nrm.casesummary;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.nrm.engine.ParseListeners;
import org.nrm.institutions.MechanismProperties;
import org.springframework.stereotype.Component;

/**
 * The case on every form: when a user task of any model is created, it gets {@value #VARIABLE}, the
 * rows of its case summary ({@link CaseSummaries}), as a JSON variable of its own that the form's
 * table shows. Written by the engine from the case, so that the institution reads the task's summary
 * and not the case (see {@code TaskVariablesLeastPrivilegeFilter}).
 */
@Component
class CaseSummaryPlugin extends AbstractProcessEnginePlugin {

  static final String VARIABLE = "caseSummary";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MechanismProperties mechanism;
  private final FactLabels labels = FactLabels.fromIntakeForm();

  CaseSummaryPlugin(MechanismProperties mechanism) {
    this.mechanism = mechanism;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, this::summarise);
  }

  void summarise(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    List<SummaryRow> rows = rows(task.getTaskDefinitionKey(), institutionOf(task), new CaseScope(execution));
    try {
      task.setVariableLocal(VARIABLE, jsonValue(JSON.writeValueAsString(rows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<SummaryRow> rows(String taskDefinitionKey, String institution, CaseScope scope) {
    CaseReading reading = new CaseReading(scope, labels, mechanism.timeZoneOf(scope.get("jurisdiction").asText("")));
    CaseSummaries.factsOf(taskDefinitionKey, institution).forEach(fact -> fact.write(reading));
    return reading.rows();
  }

  private static String institutionOf(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).findFirst().orElse(null);
  }
}
