package org.nrm.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline: hours ({@code 24h}), calendar days ({@code 30d}, 24 hours each) or working days
 * ({@code 7wd}: {@code hours} is 24 per day, and the processes count the days as working days).
 */
public record Deadline(int hours, boolean workingDays) {

  private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,4})\\s*(h|d|wd)\\s*");

  /** Parses {@code 24h}, {@code 30d} or {@code 7wd}. */
  public static Deadline parse(String text) {
    Matcher matcher = FORMAT.matcher(String.valueOf(text));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "plazo no válido «" + text + "»: use horas («24h»), días («30d») o días hábiles («7wd»)");
    }
    int amount = Integer.parseInt(matcher.group(1));
    return switch (matcher.group(2)) {
      case "h" -> new Deadline(amount, false);
      case "d" -> new Deadline(amount * 24, false);
      default -> new Deadline(amount * 24, true);
    };
  }
}
