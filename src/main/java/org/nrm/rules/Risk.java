package org.nrm.rules;

import java.util.List;

/** Decision of the risk domain: the highest level any rule raised it to. */
public class Risk {

  static final List<String> LEVELS = List.of("low", "medium", "high", "critical");

  private String level = "low";

  public Risk() {}

  public Risk(String level) {
    this.level = level == null ? "low" : level;
  }

  /** Raises the level; a lower level never lowers it. */
  public void raiseTo(String level) {
    this.level = higher(this.level, level);
  }

  public String getLevel() { return level; }

  /** The higher of the current level and a raised one; an unknown raised level is an error in the rules. */
  static String higher(String current, String raised) {
    if (LEVELS.indexOf(raised) < 0) {
      throw new IllegalArgumentException("Unknown risk level " + raised);
    }
    return LEVELS.indexOf(raised) > LEVELS.indexOf(current) ? raised : current;
  }
}
