package org.nrm.deployment;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;

/**
 * A deployment refused as a whole, nothing of it stored. A {@link ParseException}, so that the
 * engine REST API answers it 400 with the problems of each resource (and their elements and lines)
 * in {@code details}; the message lists them all, for Camunda Modeler and scripts that show it alone.
 */
public class DeploymentRefusedException extends ParseException {

  private final Map<String, List<ModelProblem>> problems;

  DeploymentRefusedException(String deploymentName, Map<String, List<ModelProblem>> problems,
      Map<String, Map<String, int[]>> lines) {
    super(message(deploymentName, problems), null, List.of(), List.of());
    this.problems = problems;
    resorceReports.clear();
    problems.forEach((resource, found) -> resorceReports.add(new ResourceReportImpl(resource,
        found.stream().map(problem -> toProblem(problem, lines.getOrDefault(resource, Map.of()))).toList(), List.of())));
  }

  /** The problems by resource name (the deployment's name for what is wrong with the deployment itself). */
  public Map<String, List<ModelProblem>> problems() {
    return problems;
  }

  private static Problem toProblem(ModelProblem problem, Map<String, int[]> lines) {
    int[] at = problem.elementId() == null ? null : lines.get(problem.elementId());
    return new DeploymentProblem(problem.message(), at == null ? 0 : at[0], at == null ? 0 : at[1], problem.elementId());
  }

  private static String message(String deploymentName, Map<String, List<ModelProblem>> problems) {
    StringBuilder message = new StringBuilder("El despliegue")
        .append(deploymentName == null || deploymentName.isBlank() ? "" : " «" + deploymentName + "»")
        .append(" fue rechazado entero; los modelos y formularios en uso no cambiaron.");
    problems.forEach((resource, found) -> found.forEach(problem ->
        message.append("\n- ").append(resource).append(": ").append(problem.message())));
    return message.toString();
  }
}
