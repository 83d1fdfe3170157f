package org.nrm.engine.authorization;

import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * A query's authorization check as the linear statements read it: who asks, and which permission on
 * the row itself (a task, a process instance) or on its process definition makes a row visible.
 * Built only for the two checks the engine and Cockpit configure on these queries (READ on the task
 * or READ_TASK on its definition; READ on the process instance or READ_INSTANCE on its definition),
 * without revoke checks; for any other check the factories answer null and the engine's (or
 * Cockpit's) own statement keeps it.
 */
public final class LinearAuthorizationCheck {

  /** An authorization check that checks nothing: what the engine's SQL sees in place of the real one. */
  public static final AuthorizationCheck NONE = new AuthorizationCheck();

  private final String userId;
  private final List<String> groupIds;
  private final int resource;
  private final int read;
  private final int readOfDefinition;
  private final boolean caseTasksVisible;

  private LinearAuthorizationCheck(String userId, List<String> groupIds, int resource, int read, int readOfDefinition,
      boolean caseTasksVisible) {
    this.userId = userId;
    this.groupIds = groupIds;
    this.resource = resource;
    this.read = read;
    this.readOfDefinition = readOfDefinition;
    this.caseTasksVisible = caseTasksVisible;
  }

  /** The task query's check, or null when the engine's own statement must run. */
  public static LinearAuthorizationCheck forTasks(AuthorizationCheck check) {
    // with CMMN enabled the engine shows every task of a case instance (its left join): so does this
    return of(check, TASK, "RES.ID_", "D.KEY_", check != null && check.isUseLeftJoin());
  }

  /** The check of Cockpit's process instance list and count, or null when Cockpit's own statement must run. */
  public static LinearAuthorizationCheck forProcessInstances(AuthorizationCheck check) {
    return of(check, PROCESS_INSTANCE, "RES.PROC_INST_ID_", "P.KEY_", false);
  }

  private static LinearAuthorizationCheck of(AuthorizationCheck check, Resource resource, String resourceIdColumn,
      String definitionKeyColumn, boolean caseTasksVisible) {
    if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
        || check.isRevokeAuthorizationCheckEnabled()) {
      return null;
    }
    CompositePermissionCheck permissions = check.getPermissionChecks();
    List<PermissionCheck> atomic = permissions.getAtomicChecks();
    Optional<PermissionCheck> onItself = find(atomic, resource.resourceType(), resourceIdColumn);
    Optional<PermissionCheck> onDefinition = find(atomic, PROCESS_DEFINITION.resourceType(), definitionKeyColumn);
    if (!permissions.isDisjunctive() || !permissions.getCompositeChecks().isEmpty() || atomic.size() != 2
        || onItself.isEmpty() || onDefinition.isEmpty()) {
      return null;
    }
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : List.copyOf(check.getAuthGroupIds());
    return new LinearAuthorizationCheck(check.getAuthUserId(), groups, resource.resourceType(), onItself.get().getPerms(),
        onDefinition.get().getPerms(), caseTasksVisible);
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

  /** The resource type of the rows themselves (task, process instance). */
  public int getResource() {
    return resource;
  }

  /** The permission on a row itself that makes it visible. */
  public int getRead() {
    return read;
  }

  public int getDefinitionResource() {
    return PROCESS_DEFINITION.resourceType();
  }

  /** The permission on a row's process definition that makes it visible. */
  public int getReadOfDefinition() {
    return readOfDefinition;
  }

  public boolean isCaseTasksVisible() {
    return caseTasksVisible;
  }
}
