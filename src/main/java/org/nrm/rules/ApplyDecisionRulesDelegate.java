package org.nrm.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Business rule task: {@code camunda:delegateExpression="${applyDecisionRulesDelegate}"} with the
 * input parameter {@value #DOMAIN_PARAMETER}: one domain ({@code screening}, {@code risk},
 * {@code repatriation}, {@code protection}, {@code referral}), a comma-separated list of them
 * ({@code repatriation,protection}), or {@code all}. The domains are evaluated in that order
 * whatever the order of the list, each reading the decisions of the ones before it; the decisions
 * of the domains not evaluated are read from the case variables. Writes the decisions of the
 * evaluated domains back on the process instance.
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
    Set<DecisionDomain> domains = domains(execution.getVariableLocal(DOMAIN_PARAMETER));
    CaseFacts facts = CaseVariables.facts(execution.getVariables());
    CaseDecisions decided = decisions.decide(domains, facts, CaseVariables.priorDecisions(execution.getVariables()));
    execution.getProcessInstance().setVariables(DecisionVariables.of(decided, domains));
  }

  /** The domains of the input parameter, in the order in which they decide. */
  static Set<DecisionDomain> domains(Object parameter) {
    String codes = parameter == null ? "" : parameter.toString().strip();
    if (ALL_DOMAINS.equals(codes)) {
      return EnumSet.allOf(DecisionDomain.class);
    }
    Set<DecisionDomain> domains = EnumSet.noneOf(DecisionDomain.class);
    for (String code : codes.split(",", -1)) {
      domains.add(DecisionDomain.byCode(code.strip()).orElseThrow(() -> new IllegalArgumentException(
          "Unknown decision domain '" + code.strip() + "' in input parameter " + DOMAIN_PARAMETER + " '" + codes
              + "'; use " + ALL_DOMAINS + " or a comma-separated list of " + knownCodes())));
    }
    return domains;
  }

  private static String knownCodes() {
    return Arrays.stream(DecisionDomain.values()).map(DecisionDomain::code).collect(Collectors.joining(", "));
  }
}
