package org.nrm.repatriation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Destination: hands the case over to the origin country's mechanism ({@code ${handOverCaseDelegate}}). */
@Component
class HandOverCaseDelegate implements JavaDelegate {

  private final CrossBorderCases cases;

  HandOverCaseDelegate(CrossBorderCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.handOver(execution);
  }
}
