package org.nrm.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * The deadline keys the latest version of each deployed process names: a rule set whose
 * {@code deadlines.yml} drops one of them would leave that process's tasks without a due date that
 * can be computed, so it is refused before it is stored.
 */
@Component
public class DeadlinesInUse {

  private final DeployedModels deployed;

  DeadlinesInUse(DeployedModels deployed) {
    this.deployed = deployed;
  }

  /** One problem in Spanish per key the models in use name and {@code steps} lacks; empty when none. */
  public List<String> missingFrom(Set<String> steps) {
    TreeMap<String, Set<String>> processesByKey = new TreeMap<>();
    for (byte[] xml : deployed.latestProcesses()) {
      BpmnModelInstance model = ModelChecks.read(xml);
      if (model == null) {
        continue;
      }
      String process = model.getModelElementsByType(Process.class).stream().map(Process::getId).findFirst().orElse("?");
      for (String step : WaitDeadlines.deadlineStepsNamedIn(model)) {
        if (!steps.contains(step)) {
          processesByKey.computeIfAbsent(step, key -> new TreeSet<>()).add(process);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    processesByKey.forEach((step, processes) -> problems.add("deadlines.yml ya no tiene el plazo «" + step + "», que usa "
        + String.join(", ", processes) + " (la versión en uso): consérvelo, o despliegue antes los modelos sin él"));
    return problems;
  }
}
