package org.nrm.repatriation;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.nrm.engine.RestConflict;

/**
 * What this mechanism has received already from another country's, delivered again: nothing
 * changes, and the sender is told the case it concerns here (409 through the engine REST API,
 * which the sender takes as delivered).
 */
abstract class AlreadyReceivedException extends ProcessEngineException implements RestConflict {

  private final String type;
  private final String caseId;

  AlreadyReceivedException(String type, String message, String caseId) {
    super(message);
    this.type = type;
    this.caseId = caseId;
  }

  /** The receiving case. */
  public String caseId() {
    return caseId;
  }

  @Override
  public Map<String, Object> restBody() {
    return Map.of("type", type, "message", getMessage(), "caseId", caseId);
  }
}
