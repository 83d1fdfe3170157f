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
    if (LEVELS.indexOf(level) < 0) {
      throw new IllegalArgumentException("Unknown risk level " + level);
    }
    if (LEVELS.indexOf(level) > LEVELS.indexOf(this.level)) {
      this.level = level;
    }
  }

  public String getLevel() { return level; }
}
