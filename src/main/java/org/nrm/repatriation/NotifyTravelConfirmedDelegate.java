package org.nrm.repatriation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Destination: tells the origin that the travel is confirmed ({@code ${notifyTravelConfirmedDelegate}}). */
@Component
class NotifyTravelConfirmedDelegate implements JavaDelegate {

  private final CrossBorderCases cases;

  NotifyTravelConfirmedDelegate(CrossBorderCases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.notifyTravelConfirmed(execution);
  }
}
