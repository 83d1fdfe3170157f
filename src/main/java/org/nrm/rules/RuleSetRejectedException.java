package org.nrm.rules;

import java.util.List;

/** A rule set that cannot be used, with every reason (Drools' messages among them). */
public class RuleSetRejectedException extends RuntimeException {

  private final List<String> details;

  public RuleSetRejectedException(String message, List<String> details) {
    super(message + (details.isEmpty() ? "" : ": " + String.join(" | ", details)));
    this.details = List.copyOf(details);
  }

  public List<String> details() {
    return details;
  }
}
