package org.nrm.modelchanges;

import java.time.Instant;
import java.util.Map;

/**
 * One change to the mechanism's models: a deployment (of models, forms or rules) or a migration of
 * running cases to another version, accepted ({@code done}) or {@code refused}, with who made it,
 * when, why, and what it changed ({@code details}: the resources and their hashes, or the plan).
 */
public record ModelChange(Long id, String kind, String outcome, String changedBy, Instant changedAt, String reason,
    String deploymentId, String sourceDefinitionId, String targetDefinitionId, String batchId, Integer instances,
    Map<String, Object> details) {

  public static final String DEPLOYMENT = "deployment";
  public static final String MIGRATION = "migration";
  public static final String DONE = "done";
  public static final String REFUSED = "refused";
  /** How long, at the least, a change's reason is (a deployment's name, a comment). */
  public static final int MIN_REASON_LENGTH = 10;

  public static ModelChange deployment(String outcome, String changedBy, String reason, String deploymentId,
      Map<String, Object> details) {
    return new ModelChange(null, DEPLOYMENT, outcome, changedBy, Instant.now(), reason, deploymentId, null, null, null,
        null, details);
  }

  public static ModelChange migration(String outcome, String changedBy, String reason, String sourceDefinitionId,
      String targetDefinitionId, String batchId, int instances, Map<String, Object> details) {
    return new ModelChange(null, MIGRATION, outcome, changedBy, Instant.now(), reason, null, sourceDefinitionId,
        targetDefinitionId, batchId, instances, details);
  }
}
