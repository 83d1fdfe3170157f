package org.nrm.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decisions of the referral domain: one referral per institution. A second reason for the same
 * institution joins the first, and the shorter deadline wins.
 */
public class Referrals {

  private final Map<String, Referral> byInstitution = new LinkedHashMap<>();

  public void refer(String institution, String reason, Deadline deadline) {
    Referral referral = new Referral(institution, reason, deadline.hours(), deadline.workingDays());
    byInstitution.merge(institution, referral, (first, second) -> {
      Referral sooner = second.dueInHours() < first.dueInHours() ? second : first;
      String reasons = first.reason().contains(second.reason()) ? first.reason() : first.reason() + "; " + second.reason();
      return new Referral(institution, reasons, sooner.dueInHours(), sooner.workingDays());
    });
  }

  public boolean includes(String institution) {
    return byInstitution.containsKey(institution);
  }

  /** Referrals by deadline, then institution: the order in which they are due. */
  public List<Referral> list() {
    List<Referral> referrals = new ArrayList<>(byInstitution.values());
    referrals.sort(Comparator.comparingInt(Referral::dueInHours).thenComparing(Referral::institution));
    return referrals;
  }
}
