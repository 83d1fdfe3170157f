package org.nrm.casesummary;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.nrm.engine.ParseListeners;
import org.nrm.institutions.MechanismProperties;
import org.nrm.institutions.ProviderGroups;
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
  private final ProviderSharing sharing;
  private final FactLabels labels = FactLabels.fromIntakeForm();

  CaseSummaryPlugin(MechanismProperties mechanism, ProviderSharing sharing) {
    this.mechanism = mechanism;
    this.sharing = sharing;
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
    String group = candidateOf(task);
    Optional<String> provider = ProviderGroups.providerOf(group);
    List<CaseFact> facts;
    if (provider.isPresent()) {
      // a provider's staff: what its institution's task shows, as far as the person agreed to share it
      facts = sharing.agreed(task, provider.get(),
          CaseSummaries.factsOf(task.getTaskDefinitionKey(), (String) execution.getVariable("institution")));
    } else {
      facts = CaseSummaries.factsOf(task.getTaskDefinitionKey(), group);
    }
    List<SummaryRow> rows = rows(facts, new CaseScope(execution));
    try {
      task.setVariableLocal(VARIABLE, jsonValue(JSON.writeValueAsString(rows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<SummaryRow> rows(List<CaseFact> facts, CaseScope scope) {
    CaseReading reading = new CaseReading(scope, labels, mechanism.timeZoneOf(scope.get("jurisdiction").asText("")));
    facts.forEach(fact -> fact.write(reading));
    return reading.rows();
  }

  private static String candidateOf(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).findFirst().orElse(null);
  }
}
