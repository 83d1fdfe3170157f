package org.nrm.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.nrm.migration.MigrationPreview.ActiveElement;
import org.nrm.migration.MigrationPreview.Instruction;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * A migration plan drafted from a request: the two versions, the mapped elements checked against
 * their models, the instructions and the plan Camunda builds from them ({@link Instructions}), and
 * where the running cases are, each element with cases and nowhere to go a problem. Drafting
 * changes nothing.
 */
@Component
class PlanDrafts {

  /** The draft: the versions, the preview to show, and the plan to execute (null when Camunda refused it). */
  record Draft(Versions.Pair versions, MigrationPreview preview, MigrationPlan plan) {}

  private final Versions versions;
  private final Instructions instructions;
  private final RunningCases cases;
  private final RepositoryService repository;

  PlanDrafts(Versions versions, Instructions instructions, RunningCases cases, RepositoryService repository) {
    this.versions = versions;
    this.instructions = instructions;
    this.cases = cases;
    this.repository = repository;
  }

  Draft draft(MigrationRequest request, String refusal) {
    Versions.Pair pair = versions.of(request, refusal);
    ProcessDefinition source = pair.source();
    ProcessDefinition target = pair.target();
    BpmnModelInstance from = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance to = repository.getBpmnModelInstance(target.getId());
    requireElements(request.mappings(), from, to, source, target, refusal);

    List<ApiError.Field> problems = new ArrayList<>();
    List<ApiError.Field> planProblems = new ArrayList<>();
    List<Instruction> instructions = this.instructions.of(pair, request.mappings(), from, to, planProblems);
    MigrationPlan plan = this.instructions.plan(pair, instructions, request.mappings(), planProblems);

    long running = cases.count(source.getId());
    Map<String, String> destination = new LinkedHashMap<>();
    instructions.forEach(instruction -> destination.put(instruction.from(), instruction.to()));
    List<ActiveElement> elements = cases.elements(source.getId(), from).stream()
        .map(element -> new ActiveElement(element.element(), element.kind(), element.cases(), destination.get(element.element())))
        .toList();
    List<ActiveElement> unmapped = elements.stream().filter(element -> element.to() == null).toList();
    if (running == 0) {
      problems.add(new ApiError.Field(pair.sourceField(), "la versión " + source.getVersion() + " de «" + source.getKey()
          + "» no tiene casos en curso: no hay nada que migrar"));
    }
    unmapped.forEach(element -> problems.add(new ApiError.Field("mappings", unmappedMessage(element, to))));
    problems.addAll(planProblems);
    MigrationPreview preview = new MigrationPreview(versions.describe(source), versions.describe(target), running, instructions,
        elements, unmapped, List.copyOf(problems), problems.isEmpty() && plan != null);
    return new Draft(pair, preview, plan);
  }

  private static String unmappedMessage(ActiveElement element, BpmnModelInstance to) {
    boolean stillThere = to.getModelElementById(Instructions.base(element.element())) != null;
    String where = stillThere ? " y Camunda no lo relaciona con «" + element.element() + "» de la versión nueva"
        : " y no existe en la versión nueva";
    if (ActiveElement.TIMER.equals(element.kind())) {
      return "el plazo «" + element.element() + "» corre en " + cases(element.cases()) + where + ": sin correspondencia se"
          + " perdería; añada {\"from\": \"" + element.element() + "\", \"to\": \"<su temporizador en la versión nueva>\"}";
    }
    return "«" + element.element() + "» tiene " + cases(element.cases()) + " en curso" + where + ": añada {\"from\": \""
        + element.element() + "\", \"to\": \"<su elemento en la versión nueva>\"}";
  }

  private static void requireElements(List<MigrationRequest.Mapping> mappings, BpmnModelInstance from, BpmnModelInstance to,
      ProcessDefinition source, ProcessDefinition target, String refusal) {
    List<ApiError.Field> errors = new ArrayList<>();
    for (int i = 0; i < mappings.size(); i++) {
      if (!(from.getModelElementById(Instructions.base(mappings.get(i).from())) instanceof FlowNode)) {
        errors.add(new ApiError.Field("mappings[" + i + "].from", "«" + mappings.get(i).from() + "» no es un elemento de la"
            + " versión en curso (" + source.getVersion() + ") de «" + source.getKey() + "»"));
      }
      if (!(to.getModelElementById(Instructions.base(mappings.get(i).to())) instanceof FlowNode)) {
        errors.add(new ApiError.Field("mappings[" + i + "].to", "«" + mappings.get(i).to() + "» no es un elemento de la"
            + " versión nueva (" + target.getVersion() + ") de «" + target.getKey() + "»"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(ApiError.withFields(refusal, errors));
    }
  }

  private static String cases(long count) {
    return count == 1 ? "1 caso" : count + " casos";
  }
}
