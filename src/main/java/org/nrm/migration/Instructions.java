package org.nrm.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.nrm.migration.MigrationPreview.Instruction;
import org.nrm.web.ApiError;
import org.springframework.stereotype.Component;

/**
 * The instructions of a plan, with Camunda's migration API: those Camunda generates for the
 * elements with the same id in both versions ({@code mapEqualActivities}), except for the elements
 * the caller maps (a caller's mapping replaces Camunda's, with the boundary events of the element it
 * moves), the caller's mappings, and the body of each multi-instance activity they map. Then the
 * plan Camunda builds from them, or its validation report in Spanish, on the mapping it concerns.
 *
 * <p>Deadline timers keep their due dates ({@code updateEventTrigger} off) unless a mapping asks
 * for them to be computed again; conditional events, which Camunda moves only that way, always are.
 */
@Component
class Instructions {

  static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final RuntimeService runtime;

  Instructions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The instructions, Camunda's for the same ids first; a problem for each failure to generate them. */
  List<Instruction> of(Versions.Pair pair, List<MigrationRequest.Mapping> mappings, BpmnModelInstance from, BpmnModelInstance to,
      List<ApiError.Field> problems) {
    Map<String, Integer> mappingOf = mappingOf(mappings);
    List<Instruction> instructions = new ArrayList<>();
    try {
      MigrationPlan sameIds = runtime.createMigrationPlan(pair.source().getId(), pair.target().getId())
          .mapEqualActivities().updateEventTriggers().build();
      for (MigrationInstruction generated : sameIds.getInstructions()) {
        String element = base(generated.getSourceActivityId());
        if (!mappingOf.containsKey(element) && !mappingOf.containsKey(attachedTo(from, element))
            && !mappingOf.containsKey(generated.getSourceActivityId())) {
          instructions.add(new Instruction(generated.getSourceActivityId(), generated.getTargetActivityId(),
              generated.isUpdateEventTrigger() && conditional(from, element), Instruction.SAME_ID));
        }
      }
    } catch (MigrationPlanValidationException e) {
      problems.addAll(report(e, Map.of()));
    } catch (ProcessEngineException e) {
      problems.add(new ApiError.Field("mappings", "Camunda no pudo relacionar los elementos con el mismo id (" + e.getMessage() + ")"));
    }
    for (MigrationRequest.Mapping mapping : mappings) {
      instructions.add(new Instruction(mapping.from(), mapping.to(), mapping.updateEventTrigger() || conditional(from, mapping.from()),
          Instruction.MAPPING));
      String body = base(mapping.from()) + MULTI_INSTANCE_BODY;
      if (!mapping.from().endsWith(MULTI_INSTANCE_BODY) && multiInstance(from, mapping.from()) && multiInstance(to, mapping.to())
          && mappings.stream().noneMatch(other -> other.from().equals(body))) {
        instructions.add(new Instruction(body, base(mapping.to()) + MULTI_INSTANCE_BODY, false, Instruction.MULTI_INSTANCE_BODY));
      }
    }
    return List.copyOf(instructions);
  }

  /** Camunda's plan of the instructions, or null with its validation report, in Spanish, among the problems. */
  MigrationPlan plan(Versions.Pair pair, List<Instruction> instructions, List<MigrationRequest.Mapping> mappings,
      List<ApiError.Field> problems) {
    Map<String, Integer> mappingOf = mappingOf(mappings);
    MigrationPlanBuilder plan = runtime.createMigrationPlan(pair.source().getId(), pair.target().getId());
    for (Instruction instruction : instructions) {
      MigrationInstructionBuilder mapped = plan.mapActivities(instruction.from(), instruction.to());
      plan = instruction.updateEventTrigger() ? mapped.updateEventTrigger() : mapped;
    }
    try {
      return plan.build();
    } catch (MigrationPlanValidationException e) {
      problems.addAll(report(e, mappingOf));
    } catch (ProcessEngineException e) {
      problems.add(new ApiError.Field("mappings", "Camunda no pudo construir el plan (" + e.getMessage() + ")"));
    }
    return null;
  }

  /** Camunda's validation report, one Spanish problem per failure, on the mapping it concerns. */
  private static List<ApiError.Field> report(MigrationPlanValidationException e, Map<String, Integer> mappingOf) {
    List<ApiError.Field> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction : e.getValidationReport().getInstructionReports()) {
      MigrationInstruction failed = instruction.getMigrationInstruction();
      Integer mapping = mappingOf.get(failed.getSourceActivityId());
      String field = mapping == null ? "mappings" : "mappings[" + mapping + "]";
      String which = "«" + failed.getSourceActivityId() + "» → «" + failed.getTargetActivityId() + "»"
          + (mapping == null ? " (mismo id en ambas versiones)" : "");
      instruction.getFailures().forEach(failure -> problems.add(new ApiError.Field(field, which + ": "
          + ValidationMessages.of(failure))));
    }
    return problems;
  }

  /** Which mapping an element's instruction comes from (a multi-instance body: its activity's). */
  private static Map<String, Integer> mappingOf(List<MigrationRequest.Mapping> mappings) {
    Map<String, Integer> mappingOf = new HashMap<>();
    for (int i = 0; i < mappings.size(); i++) {
      mappingOf.put(mappings.get(i).from(), i);
      mappingOf.putIfAbsent(base(mappings.get(i).from()) + MULTI_INSTANCE_BODY, i);
    }
    return mappingOf;
  }

  private static String attachedTo(BpmnModelInstance model, String element) {
    return model.getModelElementById(element) instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null
        ? boundary.getAttachedTo().getId() : null;
  }

  private static boolean conditional(BpmnModelInstance model, String element) {
    return model.getModelElementById(base(element)) instanceof CatchEvent event
        && event.getEventDefinitions().stream().anyMatch(ConditionalEventDefinition.class::isInstance);
  }

  private static boolean multiInstance(BpmnModelInstance model, String element) {
    ModelElementInstance node = model.getModelElementById(base(element));
    return node instanceof Activity activity && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
  }

  static String base(String element) {
    return element.endsWith(MULTI_INSTANCE_BODY) ? element.substring(0, element.length() - MULTI_INSTANCE_BODY.length()) : element;
  }
}
