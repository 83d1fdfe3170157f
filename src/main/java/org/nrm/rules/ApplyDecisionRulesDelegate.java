package org.nrm.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Business rule task: {@code camunda:delegateExpression="${applyDecisionRulesDelegate}"} with the
 * input parameter {@value #DOMAIN_PARAMETER}: one domain ({@code screening}, {@code risk},
 * {@code repatriation}, {@code protection}, {@code referral}), a comma-separated list of them
 * ({@code repatriation,protection}), or {@code all}. The domains are evaluated in that order
 * whatever the order of the list, each reading the decisions of the ones before it; the decisions
 * of the domains not evaluated are read from the case variables. Writes the decisions of the
 * evaluated domains back on the process instance.
 *
 * <p>With the input parameter {@value #FAILURE_ERROR_PARAMETER} (a BPMN error code), rules that fail
 * throw that BPMN error instead of failing the transaction: a task that runs inside another
 * transaction (the intake's screening) then lets its model retry the decision later, as a job.
 */
@Component
class ApplyDecisionRulesDelegate implements JavaDelegate {

  static final String DOMAIN_PARAMETER = "decisionDomain";
  static final String ALL_DOMAINS = "all";
  static final String FAILURE_ERROR_PARAMETER = "rulesFailureError";

  private static final Logger LOG = LoggerFactory.getLogger(ApplyDecisionRulesDelegate.class);

  private final CaseDecisionService decisions;

  ApplyDecisionRulesDelegate(CaseDecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<DecisionDomain> domains = domains(execution.getVariableLocal(DOMAIN_PARAMETER));
    CaseDecisions decided;
    try {
      Map<String, Object> variables = execution.getVariables();
      decided = decisions.decide(domains, CaseVariables.facts(variables), CaseVariables.priorDecisions(variables));
    } catch (RuntimeException rulesFailed) {
      Object errorCode = execution.getVariableLocal(FAILURE_ERROR_PARAMETER);
      if (errorCode == null) {
        throw rulesFailed;
      }
      LOG.warn("The decision rules failed for case {} at {}; the model decides again later", execution.getProcessBusinessKey(),
          execution.getCurrentActivityId(), rulesFailed);
      throw new BpmnError(errorCode.toString(), "Las reglas de decisión fallaron");
    }
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
