package org.nrm.referral;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.nrm.casesummary.CaseScope;
import org.nrm.institutions.Institution;
import org.nrm.providers.PersonOfTheCase;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderDirectory;
import org.nrm.providers.ProviderRanking;
import org.springframework.stereotype.Component;

/** The providers a referral may go to, ranked for its person, and who chooses among them. */
@Component
class ProviderCandidates {

  private final ProviderDirectory directory;

  ProviderCandidates(ProviderDirectory directory) {
    this.directory = directory;
  }

  /** The active providers of the institution in the jurisdiction. */
  List<Provider> of(String jurisdiction, String institution) {
    return directory.activeOf(jurisdiction, institution);
  }

  /** The ranking for the referral's person, without the providers that declined the referral already. */
  Ranked ranked(DelegateExecution execution) {
    String institution = (String) execution.getVariable("institution");
    List<String> declined = ConsentFacts.parse(execution.getVariable(FindProvidersDelegate.DECLINED));
    List<Provider> open = new ArrayList<>();
    List<Provider> declinedBefore = new ArrayList<>();
    for (Provider provider : of((String) execution.getVariable("jurisdiction"), institution)) {
      (declined.contains(provider.id()) ? declinedBefore : open).add(provider);
    }
    return new Ranked(ProviderRanking.rank(open, (String) execution.getVariable("referralService"), personOf(execution)),
        declinedBefore);
  }

  record Ranked(ProviderRanking.Ranked ranking, List<Provider> declinedBefore) {}

  /** Whether the directory lists an active provider of the institution in the jurisdiction. */
  boolean exist(String jurisdiction, String institution) {
    return directory.hasActive(jurisdiction, institution);
  }

  /** Child protection for a child (principle 12), the response team otherwise. */
  String chooserOf(DelegateExecution execution) {
    return treatedAsChild(execution) ? Institution.CHILD_PROTECTION.id() : Institution.RESPONSE_TEAM.id();
  }

  static boolean treatedAsChild(DelegateExecution execution) {
    return new CaseScope(execution).get("treatAsChild").asBoolean(false);
  }

  /** The person as the ranking reads her or him, with the region she or he was found in. */
  static ProviderRanking.Person personOf(DelegateExecution execution) {
    return PersonOfTheCase.of(execution, true);
  }
}
