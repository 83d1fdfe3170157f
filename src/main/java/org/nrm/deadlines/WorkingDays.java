package org.nrm.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Working days: Monday to Friday. A deadline of N working days ends at the same time of day on the
 * N-th working day after the start (a start on a weekend counts from Monday).
 */
public final class WorkingDays {

  private WorkingDays() {}

  static ZonedDateTime add(ZonedDateTime start, int workingDays) {
    ZonedDateTime date = start;
    int remaining = workingDays;
    while (remaining > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        remaining--;
      }
    }
    return date;
  }

  /** The working days after {@code from} up to and including {@code to}: 0 for the same day, 1 for the next working day. */
  public static int between(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day.atStartOfDay(ZoneOffset.UTC))) {
        days++;
      }
    }
    return days;
  }

  static boolean isWorkingDay(ZonedDateTime date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
