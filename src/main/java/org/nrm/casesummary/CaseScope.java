package org.nrm.casesummary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.nrm.engine.VariableJson;

/**
 * The case as a task's summary reads it: a variable of the task's process, or, for a called process
 * (a referral, a repatriation), of the process that called it, up to the case. Read by the engine
 * when the task is created, never with the institution's permissions.
 */
public final class CaseScope {

  private final DelegateExecution execution;

  public CaseScope(DelegateExecution execution) {
    this.execution = execution;
  }

  /** The nearest value of the variable; a missing node when no process of the case has it. */
  public JsonNode get(String name) {
    return raw(name).map(VariableJson::of).filter(node -> !node.isNull()).orElse(MissingNode.getInstance());
  }

  /** A field inside an object variable ({@code needs}, {@code medicalUrgency}). */
  public JsonNode get(String name, String field) {
    return get(name).path(field);
  }

  Optional<Date> date(String name) {
    return raw(name).filter(Date.class::isInstance).map(Date.class::cast);
  }

  private Optional<Object> raw(String name) {
    for (ExecutionEntity scope = (ExecutionEntity) execution; scope != null;
        scope = scope.getProcessInstance().getSuperExecution()) {
      Object value = scope.getVariable(name);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
