package org.nrm.rules;

/** The repository's rules, compiled once for all plain rule tests of the JVM. */
final class ShippedRules {

  private static final CaseDecisionService DECISIONS = new CaseDecisionService(ClasspathRules.compile("test"));

  private ShippedRules() {}

  static CaseDecisionService decisions() {
    return DECISIONS;
  }
}
