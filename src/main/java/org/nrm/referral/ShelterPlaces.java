package org.nrm.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.nrm.providers.ProviderDirectory;
import org.springframework.stereotype.Component;

/**
 * A shelter's places follow its referrals: accepting one holds a place (refused when none is free,
 * in the same transaction as the acceptance, so two shelters' staff never fill one place twice);
 * the stay's end, or the referral's, frees it.
 */
@Component("shelterPlaces")
class ShelterPlaces implements TaskListener, ExecutionListener {

  private final ProviderDirectory directory;

  ShelterPlaces(ProviderDirectory directory) {
    this.directory = directory;
  }

  /** The referral is accepted: its provider holds a place, if it counts places. */
  @Override
  public void notify(DelegateTask task) {
    Object provider = task.getVariable("provider");
    if (provider == null || !"accepted".equals(task.getVariable("referralDecision"))) {
      return;
    }
    try {
      directory.holdPlace(provider.toString(), task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
          by(task.getAssignee()));
    } catch (ProviderDirectory.NoPlaceFreeException full) {
      throw new ReferralRefused("referralDecision", full.getMessage());
    }
  }

  /** The service was delivered, or the referral ended otherwise: the place is free again. */
  @Override
  public void notify(DelegateExecution execution) {
    directory.freePlace(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), by(null));
  }

  private static String by(String assignee) {
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    return user != null ? user : assignee != null ? assignee : "derivación";
  }
}
