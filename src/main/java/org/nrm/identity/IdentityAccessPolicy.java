package org.nrm.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.nrm.institutions.ProviderGroups;
import org.springframework.stereotype.Component;

/**
 * Who may see a case's identity: a user whose institution holds an open task of the case that
 * needs it (nrm.identity.shown-in-tasks), e.g. the shelter admitting the person. Nobody else, not
 * coordinators, not analysts; the task is the purpose recorded with the read.
 */
@Component
public class IdentityAccessPolicy {

  /** The consent's code for the identity among the facts shared with a provider. */
  public static final String IDENTITY_SHARED = "IDENTITY";

  private final TaskService tasks;
  private final Map<String, List<String>> shownInTasks;

  IdentityAccessPolicy(TaskService tasks, IdentityProperties properties) {
    this.tasks = tasks;
    this.shownInTasks = properties.shownInTasks();
  }

  /** The open task of the case that entitles the user to see its identity, if any. */
  public Optional<Task> taskNeedingIdentity(String caseId, String userId, List<String> groupIds) {
    if (groupIds == null || groupIds.isEmpty()) {
      return Optional.empty();
    }
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).active().list().stream()
        .filter(task -> shownInTasks.containsKey(task.getTaskDefinitionKey()))
        .filter(task -> candidateGroups(task).stream().anyMatch(group -> groupIds.contains(group)
            && allowed(task, group)))
        .findFirst();
  }

  /**
   * The task's institution may see the identity; a provider's staff see it only when the person
   * agreed to share it with that provider (and did not withdraw).
   */
  private boolean allowed(Task task, String group) {
    if (ProviderGroups.providerOf(group).isEmpty()) {
      return allowed(task.getTaskDefinitionKey(), group);
    }
    Map<String, Object> referral = tasks.getVariables(task.getId(), List.of("institution", "agreedFacts", "consentWithdrawn"));
    Object agreed = referral.get("agreedFacts");
    return referral.get("institution") instanceof String institution && allowed(task.getTaskDefinitionKey(), institution)
        && !Boolean.TRUE.equals(referral.get("consentWithdrawn"))
        && agreed instanceof String facts && List.of(facts.split(",")).contains(IDENTITY_SHARED);
  }

  private boolean allowed(String taskKey, String institution) {
    List<String> institutions = shownInTasks.get(taskKey);
    return institutions.isEmpty() || institutions.contains(institution);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
