package org.nrm.institutions;

import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.nrm.institutions.Grants.ANY;

import java.util.List;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.nrm.repatriation.RepatriationProtocol;

/**
 * Who may do what, least privilege first.
 *
 * <ul>
 *   <li>Every institution uses Tasklist. It gets no grant on tasks here: the engine grants the
 *       candidate group of each task READ and TASK_WORK on that task alone, so an institution sees
 *       and works only its own tasks.
 *   <li>{@code coordination} uses Cockpit and reads every process, task and history, with no
 *       permission to work a task it is not a candidate for.
 *   <li>{@code analysts} use Cockpit to see definitions and create deployments (Camunda Modeler
 *       deploys through {@code /engine-rest}); they read no case.
 *   <li>{@code camunda-admin} is Camunda's administrator group (Admin), with every permission.
 *   <li>{@code regional-mechanisms}, the accounts of other countries' deployments, exchange the
 *       repatriation messages and nothing else.
 * </ul>
 */
final class AccessPolicy {

  private final Grants grants;
  private final List<String> startableProcesses;

  AccessPolicy(Grants grants, List<String> startableProcesses) {
    this.grants = grants;
    this.startableProcesses = startableProcesses;
  }

  void ensure(List<String> sharedFilterIds) {
    for (Institution institution : Institution.values()) {
      grantTasklist(institution.id(), sharedFilterIds);
    }
    grantCoordinators(Institution.COORDINATION.id());
    grantAnalysts(Institution.ANALYSTS.id());
    grantAdministrators();
    grantRegionalMechanisms(IdentityBootstrap.REGIONAL_MECHANISMS);
  }

  void grantTasklist(String group, List<String> sharedFilterIds) {
    grants.grant(group, APPLICATION, "tasklist", ACCESS);
    // names of colleagues and institutions shown next to a task
    grants.grant(group, USER, ANY, READ);
    grants.grant(group, GROUP, ANY, READ);
    // a task shows its process's name and diagram
    grants.grant(group, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grants.grant(group, FILTER, ANY, CREATE);
    for (String filterId : sharedFilterIds) {
      grants.grant(group, FILTER, filterId, READ);
    }
    for (String processKey : startableProcesses) {
      grants.grant(group, PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    if (!startableProcesses.isEmpty()) {
      grants.grant(group, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    }
  }

  private void grantCoordinators(String group) {
    grants.grant(group, APPLICATION, "cockpit", ACCESS);
    grants.grant(group, PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY);
    grants.grant(group, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grants.grant(group, TASK, ANY, TaskPermissions.READ);
    grants.grant(group, DEPLOYMENT, ANY, READ);
    grants.grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grants.grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
    grants.grant(group, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
  }

  private void grantAnalysts(String group) {
    grants.grant(group, APPLICATION, "cockpit", ACCESS);
    grants.grant(group, DEPLOYMENT, ANY, READ, CREATE);
    grants.grant(group, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grants.grant(group, DECISION_DEFINITION, ANY, READ);
    grants.grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
  }

  /**
   * Other countries' deployments correlate the repatriation messages through {@code /engine-rest}:
   * they start the reception of a case handed over, and report to (or confirm the travel of) the
   * cases they exchange. They read no task, no history, no variable.
   */
  private void grantRegionalMechanisms(String group) {
    grants.grant(group, PROCESS_DEFINITION, RepatriationProtocol.ORIGIN_PROCESS, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grants.grant(group, PROCESS_DEFINITION, RepatriationProtocol.DESTINATION_PROCESS, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    grants.grant(group, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  private void grantAdministrators() {
    for (Resources resource : Resources.values()) {
      grants.grant(CAMUNDA_ADMIN, resource, ANY, ALL);
    }
  }
}
