package org.nrm.referral;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.nrm.casesummary.CaseFact;
import org.nrm.casesummary.ProviderSharing;
import org.springframework.stereotype.Component;

/**
 * A provider's task shows what the referral is for and, of what its institution's task would show,
 * the facts the person agreed to share (none after a withdrawal); each share is recorded with the
 * task, the provider and the facts, like a read of the identity.
 */
@Component
class ProviderShares implements ProviderSharing {

  private final ReferralConsents consents;

  ProviderShares(ReferralConsents consents) {
    this.consents = consents;
  }

  @Override
  public List<CaseFact> agreed(DelegateTask task, String providerId, List<CaseFact> facts) {
    List<String> agreed = Boolean.TRUE.equals(task.getVariable("consentWithdrawn")) ? List.of()
        : ConsentFacts.parse(task.getVariable("agreedFacts"));
    List<CaseFact> shown = facts.stream().filter(fact -> fact == CaseFact.REFERRAL || agreed.contains(fact.name())).toList();
    consents.shared(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), providerId, task.getId(),
        shown.stream().map(CaseFact::name).toList());
    return shown;
  }
}
