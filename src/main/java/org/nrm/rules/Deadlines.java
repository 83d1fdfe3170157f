package org.nrm.rules;

import java.util.Map;

/** The deadlines of one jurisdiction, as the referral rules read them. */
public final class Deadlines {

  private final String jurisdiction;
  private final Map<String, Deadline> byStep;

  Deadlines(String jurisdiction, Map<String, Deadline> byStep) {
    this.jurisdiction = jurisdiction;
    this.byStep = Map.copyOf(byStep);
  }

  /** The deadline of a step; a step without a deadline is an error in the rules, not a default. */
  public Deadline of(String step) {
    Deadline deadline = byStep.get(step);
    if (deadline == null) {
      throw new IllegalStateException("No deadline '" + step + "' in rules/deadlines.yml for " + jurisdiction);
    }
    return deadline;
  }

  public String getJurisdiction() {
    return jurisdiction;
  }
}
