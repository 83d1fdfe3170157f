package org.nrm.repatriation;

/**
 * A hand-over of a case that this mechanism has received already: the sender's retry after its
 * answer was lost, or coordination resending it. Nothing is opened; the sender is told the case it
 * opened here the first time.
 */
public class HandoverAlreadyReceivedException extends AlreadyReceivedException {

  /** Its {@code type} in the engine REST API's answer. */
  public static final String TYPE = "HandoverAlreadyReceived";

  public HandoverAlreadyReceivedException(String referredFromCase, String caseId) {
    super(TYPE, "El caso " + referredFromCase + " ya fue recibido aquí como " + caseId + "; no se abre otro.", caseId);
  }
}
