package org.nrm.rules;

import java.util.Arrays;
import java.util.Optional;

/** The decision domains, one folder of rules/ each, in the order in which they decide. */
public enum DecisionDomain {
  SCREENING("screening"),
  RISK("risk"),
  REPATRIATION("repatriation"),
  PROTECTION("protection"),
  REFERRAL("referral");

  private final String code;

  DecisionDomain(String code) {
    this.code = code;
  }

  /** The folder under rules/ and the last segment of the DRL package ({@code rules.screening}). */
  public String code() {
    return code;
  }

  public String drlPackage() {
    return "rules." + code;
  }

  public static Optional<DecisionDomain> byCode(String code) {
    return Arrays.stream(values()).filter(domain -> domain.code.equals(code)).findFirst();
  }
}
