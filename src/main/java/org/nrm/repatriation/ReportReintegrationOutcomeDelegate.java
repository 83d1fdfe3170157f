package org.nrm.repatriation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Origin: reports the reintegration's outcome to the destination
 * ({@code ${reportReintegrationOutcomeDelegate}} with the input parameter {@code reintegrationOutcome}).
 */
@Component
class ReportReintegrationOutcomeDelegate implements JavaDelegate {

  private final CrossBorderCases cases;

  ReportReintegrationOutcomeDelegate(CrossBorderCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.reportReintegrationOutcome(execution,
        (String) execution.getVariableLocal(RepatriationProtocol.REINTEGRATION_OUTCOME_VARIABLE));
  }
}
