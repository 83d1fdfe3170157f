package org.nrm.repatriation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Origin: tells the destination that the reception is ready ({@code ${reportReceptionReadyDelegate}}). */
@Component
class ReportReceptionReadyDelegate implements JavaDelegate {

  private final CrossBorderCases cases;

  ReportReceptionReadyDelegate(CrossBorderCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.reportReceptionReady(execution);
  }
}
