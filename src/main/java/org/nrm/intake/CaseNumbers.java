package org.nrm.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers {@code <jurisdiction>-<year>-<6-digit sequence>}: one sequence per jurisdiction and
 * year, a row of {@code nrm_case_sequence} incremented under its row lock. Numbers are unique and
 * increasing; one may be skipped when the case numbered with it could not be stored after all.
 */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate savepoint;

  CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * The next number, in a short transaction of its own that commits at once: the row lock is held
   * for microseconds, so concurrent intakes of one jurisdiction do not wait for each other's case
   * to be stored. Call it before the case's own transaction begins (it would need a second
   * connection inside one).
   */
  String allocate(String jurisdiction, int year) {
    return ownTransaction.execute(status -> nextInCurrentTransaction(jurisdiction, year));
  }

  /**
   * The next number in the caller's transaction, for starts inside an engine command (Tasklist's start
   * form, a case received from another country): the row stays locked until that transaction ends.
   */
  String nextInCurrentTransaction(String jurisdiction, int year) {
    if (increment(jurisdiction, year) == 0) {
      try {
        // the first case of the jurisdiction and year; under a savepoint, because a concurrent first
        // case makes this insert fail, and on PostgreSQL a failed statement aborts its transaction
        savepoint.executeWithoutResult(status -> jdbc.update(
            "insert into nrm_case_sequence (jurisdiction, case_year, last_value) values (?, ?, 1)", jurisdiction, year));
        return format(jurisdiction, year, 1);
      } catch (DuplicateKeyException firstOfTheYearElsewhere) {
        increment(jurisdiction, year);
      }
    }
    Integer value = jdbc.queryForObject("select last_value from nrm_case_sequence where jurisdiction = ? and case_year = ?",
        Integer.class, jurisdiction, year);
    return format(jurisdiction, year, value);
  }

  private int increment(String jurisdiction, int year) {
    return jdbc.update("update nrm_case_sequence set last_value = last_value + 1 where jurisdiction = ? and case_year = ?",
        jurisdiction, year);
  }

  private static String format(String jurisdiction, int year, int value) {
    return "%s-%d-%06d".formatted(jurisdiction, year, value);
  }
}
