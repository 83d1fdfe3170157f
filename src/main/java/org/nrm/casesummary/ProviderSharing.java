package org.nrm.casesummary;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** What a provider's task may show of its case: what the person agreed to share with it, each share recorded. */
public interface ProviderSharing {

  /** Of the facts the task's institution would see, those agreed for this referral; the share is recorded. */
  List<CaseFact> agreed(DelegateTask task, String providerId, List<CaseFact> facts);
}
