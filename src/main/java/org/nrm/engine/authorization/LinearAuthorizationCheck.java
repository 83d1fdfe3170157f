package org.nrm.engine.authorization;

import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The task query's authorization check, as {@code LinearAuthorizationQueries.xml} reads it: who asks, and
 * which permissions make a task visible. Built only for the check the engine configures on a task
 * query (READ on the task, or READ_TASK on its process definition, without revoke checks); for any
 * other check, {@link #of} answers null and the engine's own statement keeps it.
 */
public final class LinearAuthorizationCheck {

  /** An authorization check that checks nothing: what the engine's SQL sees in place of the real one. */
  public static final AuthorizationCheck NONE = new AuthorizationCheck();

  private final String userId;
  private final List<String> groupIds;
  private final int readTask;
  private final int readTaskOfDefinition;
  private final boolean caseTasksVisible;

  private LinearAuthorizationCheck(String userId, List<String> groupIds, int readTask, int readTaskOfDefinition,
      boolean caseTasksVisible) {
    this.userId = userId;
    this.groupIds = groupIds;
    this.readTask = readTask;
    this.readTaskOfDefinition = readTaskOfDefinition;
    this.caseTasksVisible = caseTasksVisible;
  }

  /** The check to run in place of the engine's, or null when the engine's own statement must run. */
  public static LinearAuthorizationCheck of(AuthorizationCheck check) {
    if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
        || check.isRevokeAuthorizationCheckEnabled()) {
      return null;
    }
    CompositePermissionCheck permissions = check.getPermissionChecks();
    List<PermissionCheck> atomic = permissions.getAtomicChecks();
    Optional<PermissionCheck> onTask = find(atomic, TASK.resourceType(), "RES.ID_");
    Optional<PermissionCheck> onDefinition = find(atomic, PROCESS_DEFINITION.resourceType(), "D.KEY_");
    if (!permissions.isDisjunctive() || !permissions.getCompositeChecks().isEmpty() || atomic.size() != 2
        || onTask.isEmpty() || onDefinition.isEmpty()) {
      return null;
    }
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : List.copyOf(check.getAuthGroupIds());
    // with CMMN enabled the engine shows every task of a case instance (its left join): so does this
    return new LinearAuthorizationCheck(check.getAuthUserId(), groups, onTask.get().getPerms(),
        onDefinition.get().getPerms(), check.isUseLeftJoin());
  }

  private static Optional<PermissionCheck> find(List<PermissionCheck> checks, int resourceType, String resourceIdQueryParam) {
    return checks.stream().filter(check -> check.getResourceType() == resourceType && check.getResourceId() == null
        && resourceIdQueryParam.equals(check.getResourceIdQueryParam())).findFirst();
  }

  public String getUserId() {
    return userId;
  }

  public List<String> getGroupIds() {
    return groupIds;
  }

  public int getTaskResource() {
    return TASK.resourceType();
  }

  public int getReadTask() {
    return readTask;
  }

  public int getDefinitionResource() {
    return PROCESS_DEFINITION.resourceType();
  }

  public int getReadTaskOfDefinition() {
    return readTaskOfDefinition;
  }

  public boolean isCaseTasksVisible() {
    return caseTasksVisible;
  }
}
