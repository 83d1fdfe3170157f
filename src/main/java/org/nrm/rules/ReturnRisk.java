package org.nrm.rules;

/**
 * Decision of the repatriation domain: the risk of returning to the country of origin, the
 * highest level any rule raised it to (low, medium, high, critical, as {@link Risk}). A type of its
 * own, not a subclass of {@link Risk}: a rule on the risk in the destination country must never
 * match the risk of the return.
 */
public class ReturnRisk {

  private String level = "low";

  public ReturnRisk() {}

  public ReturnRisk(String level) {
    this.level = level == null ? "low" : level;
  }

  /** Raises the level; a lower level never lowers it. */
  public void raiseTo(String level) {
    this.level = Risk.higher(this.level, level);
  }

  public String getLevel() { return level; }
}
