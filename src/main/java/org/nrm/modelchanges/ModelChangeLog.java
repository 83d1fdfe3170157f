package org.nrm.modelchanges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every change to the models ({@code nrm_model_change}). An accepted change is
 * recorded in its own transaction's work (it is stored with it, or not at all); a refused one in a
 * transaction of its own, so that the refusal, rolled back, is still on record.
 */
@Component
public class ModelChangeLog {

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate apart;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  ModelChangeLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.apart = new TransactionTemplate(transactions);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records the change with the work of the current transaction. */
  public void record(ModelChange change) {
    jdbc.update("insert into nrm_model_change (kind, outcome, changed_by, changed_at, reason, deployment_id,"
            + " source_definition_id, target_definition_id, batch_id, instances, details) values (?,?,?,?,?,?,?,?,?,?,?)",
        change.kind(), change.outcome(), change.changedBy(), Timestamp.from(change.changedAt()), change.reason(),
        change.deploymentId(), change.sourceDefinitionId(), change.targetDefinitionId(), change.batchId(),
        change.instances(), write(change.details()));
  }

  /** Records the change in a transaction of its own: for a refusal, whose own work is rolled back. */
  public void recordApart(ModelChange change) {
    apart.executeWithoutResult(status -> record(change));
  }

  /** The newest changes first, at most {@code limit}. */
  public List<ModelChange> newest(int limit) {
    return jdbc.query("select * from nrm_model_change order by changed_at desc, change_id desc fetch first ? rows only",
        (row, n) -> new ModelChange(row.getLong("change_id"), row.getString("kind"), row.getString("outcome"),
            row.getString("changed_by"), row.getTimestamp("changed_at").toInstant(), row.getString("reason"),
            row.getString("deployment_id"), row.getString("source_definition_id"), row.getString("target_definition_id"),
            row.getString("batch_id"), (Integer) row.getObject("instances"), read(row.getString("details"))), limit);
  }

  private String write(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Details of a model change that are not JSON: " + details, e);
    }
  }

  private Map<String, Object> read(String details) {
    try {
      return json.readValue(details, DETAILS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Details of a model change that are not JSON: " + details, e);
    }
  }
}
