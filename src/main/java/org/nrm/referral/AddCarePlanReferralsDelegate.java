package org.nrm.referral;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.nrm.engine.VariableJson;
import org.nrm.rules.CaseDecisionService;
import org.springframework.stereotype.Component;

/**
 * After the care plan: {@code referrals} gets the institutions the plan added
 * ({@code carePlanInstitutions}), each due by the jurisdiction's {@code referral-response}.
 */
@Component
class AddCarePlanReferralsDelegate implements JavaDelegate {

  private final ObjectMapper json;
  private final CaseDecisionService decisions;

  AddCarePlanReferralsDelegate(ObjectMapper json, CaseDecisionService decisions) {
    this.json = json;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    List<String> added = new ArrayList<>();
    Object planned = execution.getVariable("carePlanInstitutions");
    VariableJson.of(planned).forEach(institution -> added.add(institution.asText()));
    JsonNode referrals = VariableJson.of(execution.getVariable("referrals"));
    var deadline = decisions.active().deadlines().forJurisdiction((String) execution.getVariable("jurisdiction"))
        .of("referral-response");
    execution.setVariable("referrals", jsonValue(json.writeValueAsString(
        CarePlanReferrals.merge(json, referrals, added, deadline))).create());
  }
}
