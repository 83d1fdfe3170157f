package org.nrm.repatriation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.nrm.institutions.MechanismProperties;
import org.springframework.stereotype.Service;

/**
 * Delivers a {@link CrossBorderMessage} to the receiving jurisdiction: through this engine when the
 * jurisdiction is one of its tenants, through the other deployment's engine REST API when it is
 * served elsewhere. A failure throws, so the sending job is retried and, in the end, an incident
 * shows in Cockpit: a hand-over is never lost silently. What the receiving side has already (a
 * hand-over or an answer sent again) counts as delivered and changes nothing there.
 */
@Service
public class CrossBorderMessenger {

  /** What the receiving side answered: the receiving case's number, when a case was started. */
  public record Delivery(Optional<String> caseId) {}

  private final RuntimeService runtime;
  private final List<String> servedJurisdictions;
  private final Map<String, EngineRestClient> remoteMechanisms;
  private final ReceivedHandovers received;

  CrossBorderMessenger(RuntimeService runtime, MechanismProperties mechanism, HandoverProperties handover, ReceivedHandovers received) {
    this.runtime = runtime;
    this.received = received;
    this.servedJurisdictions = mechanism.jurisdictionCodes();
    this.remoteMechanisms = handover.remoteMechanisms().entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, remote -> new EngineRestClient(remote.getValue())));
  }

  public Delivery send(CrossBorderMessage message) {
    if (servedJurisdictions.contains(message.jurisdiction())) {
      return deliverHere(message);
    }
    EngineRestClient remote = remoteMechanisms.get(message.jurisdiction());
    if (remote == null) {
      throw new IllegalStateException("El mecanismo de " + message.jurisdiction()
          + " no está conectado: configure nrm.handover.remote-mechanisms." + message.jurisdiction()
          + " y reintente el trabajo en Cockpit");
    }
    return remote.correlate(message);
  }

  private Delivery deliverHere(CrossBorderMessage message) {
    Optional<String> receivedBefore = receivedBefore(message);
    if (receivedBefore.isPresent()) {
      // a hand-over sent again (coordination resent it): its receiving tenant has it already
      return new Delivery(receivedBefore);
    }
    MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(message.name())
        .setVariables(message.variables());
    if (message.startsCase()) {
      // the models are shared by every tenant; the case gets its tenant from its `jurisdiction`
      correlation.withoutTenantId();
    } else {
      correlation.tenantId(message.jurisdiction());
    }
    if (message.businessKey() != null) {
      correlation.processInstanceBusinessKey(message.businessKey());
    }
    if (message.referredFromCase() != null) {
      correlation.processInstanceVariableEquals(RepatriationProtocol.REFERRED_FROM_CASE, message.referredFromCase());
    }
    MessageCorrelationResultWithVariables result;
    try {
      result = correlation.correlateWithResultAndVariables(false);
    } catch (MessageAlreadyReceivedException resent) {
      return new Delivery(Optional.empty());
    }
    return new Delivery(message.startsCase()
        ? Optional.ofNullable(result.getProcessInstance().getBusinessKey())
        : Optional.empty());
  }

  /** The case a hand-over opened here when it was delivered before. */
  private Optional<String> receivedBefore(CrossBorderMessage message) {
    Object from = message.variables().get(RepatriationProtocol.REFERRED_FROM_JURISDICTION);
    Object handover = message.variables().get(RepatriationProtocol.HANDOVER_ID);
    return message.startsCase() && from != null && handover != null
        ? received.caseOf(from.toString(), handover.toString()) : Optional.empty();
  }
}
