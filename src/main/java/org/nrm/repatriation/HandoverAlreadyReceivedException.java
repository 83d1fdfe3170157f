package org.nrm.repatriation;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.nrm.engine.RestConflict;

/**
 * A hand-over of a case that this mechanism has received already: the sender's retry after its
 * answer was lost. Nothing is opened; the sender is told the case it already has here.
 */
public class HandoverAlreadyReceivedException extends ProcessEngineException implements RestConflict {

  /** Its {@code type} in the engine REST API's answer. */
  public static final String TYPE = "HandoverAlreadyReceived";

  private final String caseId;

  public HandoverAlreadyReceivedException(String referredFromCase, String caseId) {
    super("El caso " + referredFromCase + " ya fue recibido aquí como " + caseId + "; no se abre otro.");
    this.caseId = caseId;
  }

  /** The receiving case, opened by the first delivery. */
  public String caseId() {
    return caseId;
  }

  @Override
  public Map<String, Object> restBody() {
    return Map.of("type", TYPE, "message", getMessage(), "caseId", caseId);
  }
}
