package org.nrm.repatriation;

/**
 * A message between countries that its case has received already: a retry after the first answer
 * was lost, or coordination resending it. Nothing changes; the sender takes it as delivered.
 */
public class MessageAlreadyReceivedException extends AlreadyReceivedException {

  /** Its {@code type} in the engine REST API's answer. */
  public static final String TYPE = "MessageAlreadyReceived";

  public MessageAlreadyReceivedException(String messageName, String caseId) {
    super(TYPE, "El caso " + caseId + " ya recibió el mensaje " + messageName + "; no cambia nada.", caseId);
  }
}
