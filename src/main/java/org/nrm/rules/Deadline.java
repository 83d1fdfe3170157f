package org.nrm.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline: hours, or working days (then {@code hours} is 24 per day, and the processes count
 * the days as working days).
 */
public record Deadline(int hours, boolean workingDays) {

  private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,4})\\s*(h|wd)\\s*");

  /** Parses {@code 24h} or {@code 7wd}. */
  public static Deadline parse(String text) {
    Matcher matcher = FORMAT.matcher(String.valueOf(text));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "plazo no válido «" + text + "»: use horas («24h») o días hábiles («7wd»)");
    }
    int amount = Integer.parseInt(matcher.group(1));
    return matcher.group(2).equals("h") ? new Deadline(amount, false) : new Deadline(amount * 24, true);
  }
}
