package org.nrm.statistics.query;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every statistics request, answered or refused: user, time, resource, parameters
 * and outcome, in a transaction of its own, so that a refused or failed request is kept too.
 */
@Component
public class StatisticsAudit {

  public enum Outcome { ANSWERED, REFUSED, INVALID }

  private final JdbcTemplate jdbc;

  StatisticsAudit(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String userId, String resource, String parameters, Outcome outcome) {
    jdbc.update("insert into nrm_stat_request (user_id, requested_at, resource, parameters, outcome) values (?, ?, ?, ?, ?)",
        userId, Timestamp.from(Instant.now()), resource, parameters.length() > 2000 ? parameters.substring(0, 2000) : parameters,
        outcome.name().toLowerCase());
  }
}
