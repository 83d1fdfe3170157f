package org.nrm.migration;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One migration of a version at a time: while the batch of an earlier migration of the same
 * version runs, its cases still show on that version, and a second batch would fail on each case
 * the first one moved. Starting a migration locks the version's definition row until its
 * transaction ends, so two analysts who start at the same moment are taken one after the other:
 * the second then sees the first one's batch (recorded in {@code nrm_model_change} in the same
 * transaction) and is refused.
 */
@Component
class MigrationsInFlight {

  private final JdbcTemplate jdbc;

  MigrationsInFlight(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits for any other migration of this version being started, and keeps it waiting for this one. */
  void lock(String sourceDefinitionId) {
    jdbc.queryForList("select ID_ from ACT_RE_PROCDEF where ID_ = ? for update", String.class, sourceDefinitionId);
  }

  /** The batch of a migration of this version that is still running, if any. */
  Optional<String> runningFrom(String sourceDefinitionId) {
    return jdbc.queryForList("select c.batch_id from nrm_model_change c join ACT_RU_BATCH b on b.ID_ = c.batch_id"
        + " where c.kind = 'migration' and c.outcome = 'done' and c.source_definition_id = ?", String.class, sourceDefinitionId)
        .stream().findFirst();
  }
}
