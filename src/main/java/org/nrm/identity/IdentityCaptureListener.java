package org.nrm.identity;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Moves identity fields out of the process into the vault: when a process starts (a start form)
 * and when a user task is completed (a task form). The variables are removed in the same command
 * that created them, so they are never written to the engine's tables.
 */
final class IdentityCaptureListener implements ExecutionListener, TaskListener {

  private final IdentityVault vault;

  IdentityCaptureListener(IdentityVault vault) {
    this.vault = vault;
  }

  @Override
  public void notify(DelegateExecution execution) {
    capture(execution.getProcessInstance());
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution() != null) {
      capture(task.getExecution().getProcessInstance());
    }
  }

  private void capture(DelegateExecution processInstance) {
    List<String> identityVariables = processInstance.getVariableNames().stream().filter(IdentityFields::isIdentity).toList();
    if (identityVariables.isEmpty()) {
      return;
    }
    String caseId = processInstance.getProcessBusinessKey();
    if (caseId == null) {
      throw new IllegalStateException("Los datos de identidad necesitan un caso con número (business key)");
    }
    vault.record(caseId, IdentityFields.from(processInstance.getVariables()), currentUser(processInstance));
    identityVariables.forEach(processInstance::removeVariable);
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? "engine" : authentication.getUserId();
  }
}
