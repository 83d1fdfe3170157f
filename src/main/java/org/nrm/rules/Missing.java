package org.nrm.rules;

import java.util.ArrayList;
import java.util.List;

/** Spanish enumeration of what is missing, for reasons that rules give ("a, b y c"). */
public final class Missing {

  private Missing() {}

  /** Pairs of (done, label): lists the labels of what is not done. */
  public static String of(Object... doneAndLabel) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < doneAndLabel.length; i += 2) {
      if (!(Boolean) doneAndLabel[i]) {
        missing.add((String) doneAndLabel[i + 1]);
      }
    }
    if (missing.size() <= 1) {
      return String.join("", missing);
    }
    return String.join(", ", missing.subList(0, missing.size() - 1)) + " y " + missing.get(missing.size() - 1);
  }
}
