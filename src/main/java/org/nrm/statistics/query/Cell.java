package org.nrm.statistics.query;

import java.util.List;

/** One count of a breakdown: the codes of its dimensions, in the request's order, and the number of cases. */
public final class Cell {

  private final List<String> codes;
  private final long count;
  private boolean suppressed;

  Cell(List<String> codes, long count) {
    this.codes = List.copyOf(codes);
    this.count = count;
  }

  public List<String> codes() {
    return codes;
  }

  /** The count, or null when it is suppressed: a suppressed count never leaves this class. */
  public Long shownCount() {
    return suppressed ? null : count;
  }

  public boolean suppressed() {
    return suppressed;
  }

  long count() {
    return count;
  }

  void suppress() {
    suppressed = true;
  }
}
