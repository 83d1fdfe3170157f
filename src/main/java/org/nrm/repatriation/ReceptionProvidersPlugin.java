package org.nrm.repatriation;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.nrm.engine.ParseListeners;
import org.nrm.institutions.MechanismProperties;
import org.nrm.providers.PersonOfTheCase;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderCodes;
import org.nrm.providers.ProviderDirectory;
import org.nrm.providers.ProviderRanking;
import org.springframework.stereotype.Component;

/**
 * The regional directory in a repatriation: the tasks that prepare a return (at the destination)
 * and receive the person (at the origin) get, as a variable of their own that the form shows, the
 * origin country's providers of reception and reintegration services that serve the person, best
 * fit first, from the directory of this deployment when it serves the origin country too (a
 * regional deployment); otherwise one row saying where to ask.
 */
@Component
class ReceptionProvidersPlugin extends AbstractProcessEnginePlugin {

  static final String VARIABLE = "receptionProviders";
  /** The task, and the variable naming the country whose providers it shows. */
  private static final Map<String, String> COUNTRY_OF_TASK = Map.of(
      "UserTask_PlanReturnTravel", RepatriationProtocol.RETURN_COUNTRY,
      "UserTask_ReceiveOnArrival", "jurisdiction",
      "UserTask_AssessFamilyOrArrangeCare", "jurisdiction",
      "UserTask_PlanReintegration", "jurisdiction");
  static final Set<String> RECEPTION_SERVICES = Set.of("shelter", "medical", "psychological", "family-tracing", "documentation",
      "education", "vocational-training", "labour-inclusion");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderDirectory directory;
  private final MechanismProperties mechanism;

  ReceptionProvidersPlugin(ProviderDirectory directory, MechanismProperties mechanism) {
    this.directory = directory;
    this.mechanism = mechanism;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.onEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, this::show);
  }

  void show(DelegateTask task) {
    String countryVariable = COUNTRY_OF_TASK.get(task.getTaskDefinitionKey());
    DelegateExecution execution = task.getExecution();
    if (countryVariable == null || execution == null || !(execution.getVariable(countryVariable) instanceof String country)) {
      return;
    }
    ArrayNode rows = JSON.createArrayNode();
    if (mechanism.jurisdictions().stream().noneMatch(served -> served.code().equals(country))) {
      rows.addObject().put("provider", "El directorio de " + country + " no está en este sistema")
          .put("services", "").put("fit", "Pida los prestadores de recepción al mecanismo de " + country + ".").put("contact", "");
    } else {
      List<Provider> giving = directory.list(Set.of(country), null, false).stream()
          .filter(provider -> provider.services().stream().anyMatch(RECEPTION_SERVICES::contains)).toList();
      for (ProviderRanking.Fit fit : ProviderRanking.rank(giving, null, PersonOfTheCase.of(execution, false)).offered()) {
        Provider provider = fit.provider();
        rows.addObject().put("provider", provider.name() + " (" + String.join(", ", provider.regions()) + ")")
            .put("services", String.join(", ", provider.services().stream().filter(RECEPTION_SERVICES::contains)
                .map(ProviderCodes.SERVICES::get).toList()))
            .put("fit", String.join(" ", fit.reasons().stream().filter(reason -> !reason.startsWith("No atiende la región")).toList()))
            .put("contact", provider.contacts() == null ? "" : String.join(" · ", java.util.stream.Stream.of(provider.contacts().phone(),
                provider.contacts().email()).filter(value -> value != null).toList()));
      }
      if (rows.isEmpty()) {
        rows.addObject().put("provider", "Ningún prestador del directorio de " + country + " atiende a la persona")
            .put("services", "").put("fit", "").put("contact", "");
      }
    }
    task.setVariableLocal(VARIABLE, jsonValue(rows.toString()).create());
  }
}
