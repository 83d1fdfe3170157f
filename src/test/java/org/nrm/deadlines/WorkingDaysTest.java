package org.nrm.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      "2026-11-23T10:00-06:00[America/Costa_Rica], 3, 2026-11-26T10:00-06:00[America/Costa_Rica]",  // Monday -> Thursday
      "2026-11-27T10:00-06:00[America/Costa_Rica], 3, 2026-12-02T10:00-06:00[America/Costa_Rica]",  // Friday -> Wednesday
      "2026-11-28T10:00-06:00[America/Costa_Rica], 1, 2026-11-30T10:00-06:00[America/Costa_Rica]",  // Saturday -> Monday
      "2026-11-27T10:00-06:00[America/Costa_Rica], 7, 2026-12-08T10:00-06:00[America/Costa_Rica]",  // 7 working days span two weekends
  })
  void countsOnlyMondayToFriday(String start, int workingDays, String due) {
    assertThat(WorkingDays.add(ZonedDateTime.parse(start), workingDays)).isEqualTo(ZonedDateTime.parse(due));
  }

  @ParameterizedTest(name = "from {0} to {1}: {2} working days")
  @CsvSource({
      "2026-11-23, 2026-11-23, 0",  // the same day
      "2026-11-27, 2026-11-30, 1",  // Friday -> Monday
      "2026-11-23, 2026-12-04, 9",  // Monday -> the Friday after next
  })
  void countsTheWorkingDaysBetweenTwoDays(String from, String to, int workingDays) {
    assertThat(WorkingDays.between(LocalDate.parse(from), LocalDate.parse(to))).isEqualTo(workingDays);
  }
}
