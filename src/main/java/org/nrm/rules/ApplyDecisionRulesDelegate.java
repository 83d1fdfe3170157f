package org.nrm.rules;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Business rule task: {@code camunda:delegateExpression="${applyDecisionRulesDelegate}"} with the
 * input parameter {@value #DOMAIN_PARAMETER} ({@code screening}, {@code risk}, {@code protection},
 * {@code referral}, or {@code all}). Reads the case variables, writes the decisions back on the
 * process instance.
 */
@Component
class ApplyDecisionRulesDelegate implements JavaDelegate {

  static final String DOMAIN_PARAMETER = "decisionDomain";
  static final String ALL_DOMAINS = "all";

  private final CaseDecisionService decisions;

  ApplyDecisionRulesDelegate(CaseDecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String domainCode = String.valueOf(execution.getVariableLocal(DOMAIN_PARAMETER));
    CaseFacts facts = CaseVariables.facts(execution.getVariables());
    CaseDecisions decided;
    Set<DecisionDomain> domains;
    if (ALL_DOMAINS.equals(domainCode)) {
      decided = decisions.decideAll(facts);
      domains = EnumSet.allOf(DecisionDomain.class);
    } else {
      DecisionDomain domain = DecisionDomain.byCode(domainCode).orElseThrow(() -> new IllegalArgumentException(
          "Unknown decision domain '" + domainCode + "' in input parameter " + DOMAIN_PARAMETER));
      decided = decisions.decide(domain, facts, CaseVariables.priorDecisions(execution.getVariables()));
      domains = EnumSet.of(domain);
    }
    execution.getProcessInstance().setVariables(DecisionVariables.of(decided, domains));
  }
}
