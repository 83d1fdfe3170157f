package org.nrm.repatriation;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.nrm.engine.RestConflict;

/**
 * A message between countries that its case has received already: a retry after the first answer
 * was lost, or coordination resending it. Nothing changes; the sender takes it as delivered.
 */
public class MessageAlreadyReceivedException extends ProcessEngineException implements RestConflict {

  /** Its {@code type} in the engine REST API's answer. */
  public static final String TYPE = "MessageAlreadyReceived";

  private final String caseId;

  public MessageAlreadyReceivedException(String messageName, String caseId) {
    super("El caso " + caseId + " ya recibió el mensaje " + messageName + "; no cambia nada.");
    this.caseId = caseId;
  }

  @Override
  public Map<String, Object> restBody() {
    return Map.of("type", TYPE, "message", getMessage(), "caseId", caseId);
  }
}
