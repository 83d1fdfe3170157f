package org.nrm.repatriation;

import java.util.Map;

/**
 * One message between the mechanisms of two jurisdictions: the same contract whether both are
 * tenants of one deployment (the engine's message correlation) or separate deployments (the other
 * engine's REST API, {@code POST /message}).
 *
 * @param name the message name of the BPMN models ({@link RepatriationProtocol})
 * @param jurisdiction the receiving jurisdiction (its tenant)
 * @param businessKey the receiving case's number, when the sender knows it; null to start a case
 * @param referredFromCase correlates with the receiving case's {@code referredFromCase}, or null
 * @param variables what the receiver needs, nothing more (values: String, Boolean, Integer or JSON)
 */
public record CrossBorderMessage(
    String name, String jurisdiction, String businessKey, String referredFromCase, Map<String, Object> variables) {

  /** True when the message starts a case on the receiving side. */
  public boolean startsCase() {
    return businessKey == null && referredFromCase == null;
  }

  static CrossBorderMessage startCase(String name, String jurisdiction, Map<String, Object> variables) {
    return new CrossBorderMessage(name, jurisdiction, null, null, variables);
  }

  static CrossBorderMessage toCase(String name, String jurisdiction, String businessKey, Map<String, Object> variables) {
    return new CrossBorderMessage(name, jurisdiction, businessKey, null, variables);
  }

  static CrossBorderMessage toReferredCase(String name, String jurisdiction, String referredFromCase,
      Map<String, Object> variables) {
    return new CrossBorderMessage(name, jurisdiction, null, referredFromCase, variables);
  }
}
