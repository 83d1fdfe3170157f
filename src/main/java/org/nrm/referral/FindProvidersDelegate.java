package org.nrm.referral;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.nrm.providers.ReferralServices;
import org.springframework.stereotype.Component;

/**
 * Before a referral is sent: whether the directory lists providers of its institution in the
 * case's jurisdiction (then the response team, or child protection for a child, chooses one), the
 * service it asks of them, and, after a provider declined it, that provider kept out of the next
 * choice. Until a provider is chosen the referral's tasks go to the institution as a whole.
 */
@Component("findProviders")
class FindProvidersDelegate implements JavaDelegate {

  static final String DECLINED = "declinedProviders";

  private final ProviderCandidates candidates;

  FindProvidersDelegate(ProviderCandidates candidates) {
    this.candidates = candidates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String institution = (String) execution.getVariable("institution");
    Object declinedBy = execution.getVariable("provider");
    if (declinedBy != null && "declined".equals(execution.getVariable("referralState"))) {
      List<String> declined = new ArrayList<>(ConsentFacts.parse(execution.getVariable(DECLINED)));
      declined.add(declinedBy.toString());
      execution.setVariable(DECLINED, String.join(",", declined));
    }
    execution.setVariable("provider", null);
    execution.setVariable("providerName", null);
    execution.setVariable("referralGroup", institution);
    execution.setVariable("referralService", ReferralServices.of(institution).orElse(null));
    execution.setVariable("chooser", candidates.chooserOf(execution));
    execution.setVariable("providersInDirectory", candidates.exist((String) execution.getVariable("jurisdiction"), institution));
  }
}
