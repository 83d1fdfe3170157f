package org.nrm.deadlines;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * Working days: Monday to Friday. A deadline of N working days ends at the same time of day on the
 * N-th working day after the start (a start on a weekend counts from Monday).
 */
final class WorkingDays {

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

  static boolean isWorkingDay(ZonedDateTime date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }
}
