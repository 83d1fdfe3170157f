package org.nrm.rules;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The decisions as process variables named as in the data dictionary: primitives, or JSON for
 * lists, so that Cockpit, REST clients and reports read them without Java classes.
 */
final class DecisionVariables {

  static final String FIRED_RULES = "firedRules";
  static final String RULE_SET_VERSION = "ruleSetVersion";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionVariables() {}

  /** The variables of the given domains, plus the fired rules and the rule set version. */
  static Map<String, Object> of(CaseDecisions decisions, Set<DecisionDomain> domains) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (domains.contains(DecisionDomain.SCREENING)) {
      variables.put("classification", decisions.classification());
      variables.put("treatAsChild", decisions.treatAsChild());
      variables.put("iccsCode", decisions.iccsCode());
    }
    if (domains.contains(DecisionDomain.RISK)) {
      variables.put("riskLevel", decisions.riskLevel());
    }
    if (domains.contains(DecisionDomain.REPATRIATION)) {
      variables.put("returnRiskLevel", decisions.returnRiskLevel());
    }
    if (domains.contains(DecisionDomain.PROTECTION)) {
      variables.put("consularNotificationAllowed", decisions.consularNotificationAllowed());
      variables.put("consularNotificationBlockedBy", json(decisions.consularNotificationBlockedBy()));
      variables.put("repatriationAllowed", decisions.repatriationAllowed());
      variables.put("repatriationBlockedBy", json(decisions.repatriationBlockedBy()));
      variables.put("returnTravelAllowed", decisions.returnTravelAllowed());
      variables.put("returnTravelBlockedBy", json(decisions.returnTravelBlockedBy()));
    }
    if (domains.contains(DecisionDomain.REFERRAL)) {
      variables.put("referrals", json(decisions.referrals()));
    }
    variables.put(FIRED_RULES, json(decisions.firedRules()));
    variables.put(RULE_SET_VERSION, decisions.ruleSetVersion());
    return variables;
  }

  private static TypedValue json(Object value) {
    try {
      return jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
