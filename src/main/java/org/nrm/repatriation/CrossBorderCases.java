package org.nrm.repatriation;

import static org.nrm.repatriation.RepatriationProtocol.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.nrm.identity.IdentityShare;
import org.nrm.identity.IdentityVault;
import org.springframework.stereotype.Service;

/**
 * The hand-over of a case between the mechanisms of the destination and the origin country, and the
 * messages that follow it, each with what the other side needs and no more.
 */
@Service
public class CrossBorderCases {

  private final CrossBorderMessenger messenger;
  private final IdentityVault vault;
  private final HandoverProperties handover;

  CrossBorderCases(CrossBorderMessenger messenger, IdentityVault vault, HandoverProperties handover) {
    this.messenger = messenger;
    this.vault = vault;
    this.handover = handover;
  }

  /**
   * Destination: starts the origin's reception and reintegration with the minimum data set, and the
   * identity fields its receiving institutions need; the share is recorded.
   */
  public void handOver(DelegateExecution destination) {
    String caseId = destination.getProcessBusinessKey();
    Object returnCountry = destination.getVariable(RETURN_COUNTRY);
    if (!(returnCountry instanceof String origin) || origin.isBlank()) {
      throw new IllegalStateException("El caso " + caseId + " no indica el país de retorno (returnCountry)");
    }
    String sender = "mecanismo " + destination.getVariable(JURISDICTION);
    List<String> institutions = institutionsShownTheIdentity(Boolean.TRUE.equals(destination.getVariable(TREAT_AS_CHILD)));
    Map<String, Object> identity = vault.fieldsForHandover(caseId, handover.identityFields(), sender,
        "Entrega del caso al mecanismo de " + origin + " para: " + String.join(", ", institutions));
    Map<String, Object> variables = new LinkedHashMap<>(HandoverDataSet.of(destination, origin));
    variables.put(HANDOVER_ID, destination.getProcessInstanceId());
    variables.putAll(identity);

    CrossBorderMessenger.Delivery delivery = messenger.send(CrossBorderMessage.startCase(CASE_HANDED_OVER, origin, variables));

    String originCaseId = delivery.caseId().orElse(null);
    if (!identity.isEmpty()) {
      List<String> fields = identity.keySet().stream().map(name -> name.substring("identity_".length())).toList();
      vault.recordShare(new IdentityShare(caseId, origin, originCaseId, institutions, fields, sender, now()));
    }
    destination.setVariable(ORIGIN_JURISDICTION, origin);
    destination.setVariable(ORIGIN_CASE_ID, originCaseId);
  }

  /** Origin: the reception is prepared; for a child, with the outcome of the family assessment. */
  public void reportReceptionReady(DelegateExecution origin) {
    if (origin.getVariable(FAMILY_ASSESSMENT) == null) {
      origin.setVariable(FAMILY_ASSESSMENT, NOT_APPLICABLE);
    }
    String assessment = (String) origin.getVariable(FAMILY_ASSESSMENT);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(FAMILY_ASSESSMENT, assessment);
    variables.put(FAMILY_ASSESSED, FAMILY_REUNIFICATION.equals(assessment) || ALTERNATIVE_CARE.equals(assessment));
    variables.put(ORIGIN_CASE_ID, origin.getProcessBusinessKey());
    reportToDestination(origin, RECEPTION_READY, variables);
  }

  /** Destination: the travel is confirmed; the origin receives the person on arrival. */
  public void notifyTravelConfirmed(DelegateExecution destination) {
    messenger.send(CrossBorderMessage.toReferredCase(RETURN_TRAVEL_CONFIRMED,
        (String) destination.getVariable(ORIGIN_JURISDICTION), destination.getProcessBusinessKey(),
        HandoverDataSet.copy(destination, HandoverDataSet.TRAVEL)));
  }

  /** Origin: the reintegration's outcome, so that the destination closes its case. */
  public void reportReintegrationOutcome(DelegateExecution origin, String outcome) {
    origin.getProcessInstance().setVariable(REINTEGRATION_OUTCOME_VARIABLE, outcome);
    reportToDestination(origin, REINTEGRATION_OUTCOME,
        Map.of(REINTEGRATION_OUTCOME_VARIABLE, outcome, ORIGIN_CASE_ID, origin.getProcessBusinessKey()));
  }

  private void reportToDestination(DelegateExecution origin, String message, Map<String, Object> variables) {
    messenger.send(CrossBorderMessage.toCase(message, (String) origin.getVariable(REFERRED_FROM_JURISDICTION),
        (String) origin.getVariable(REFERRED_FROM_CASE), variables));
  }

  /**
   * The origin's institutions whose tasks show the identity (nrm.identity.shown-in-tasks there): for a
   * child, child-protection traces the family and receives the child; for an adult, IOM receives.
   */
  static List<String> institutionsShownTheIdentity(boolean child) {
    return child ? List.of("child-protection") : List.of("iom");
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
