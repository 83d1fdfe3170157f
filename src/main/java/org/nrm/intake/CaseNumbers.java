package org.nrm.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code <jurisdiction>-<year>-<6-digit sequence>}: one sequence per jurisdiction and
 * year, incremented under a row lock in the caller's transaction, so a refused intake uses no number.
 */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;

  CaseNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String next(String jurisdiction, int year) {
    int updated = jdbc.update("update nrm_case_sequence set last_value = last_value + 1 where jurisdiction = ? and case_year = ?",
        jurisdiction, year);
    if (updated == 0) {
      try {
        jdbc.update("insert into nrm_case_sequence (jurisdiction, case_year, last_value) values (?, ?, 1)", jurisdiction, year);
      } catch (DuplicateKeyException firstOfTheYearElsewhere) {
        jdbc.update("update nrm_case_sequence set last_value = last_value + 1 where jurisdiction = ? and case_year = ?",
            jurisdiction, year);
      }
    }
    Integer value = jdbc.queryForObject("select last_value from nrm_case_sequence where jurisdiction = ? and case_year = ?",
        Integer.class, jurisdiction, year);
    return "%s-%d-%06d".formatted(jurisdiction, year, value);
  }
}
