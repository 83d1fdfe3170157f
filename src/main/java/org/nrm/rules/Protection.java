package org.nrm.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Decisions of the protection domain. Each is allowed until a rule blocks it, and every block
 * keeps its reason so that people see why. The return travel needs more than the repatriation:
 * whatever blocks the repatriation blocks the travel too, and some steps (for a child, the family
 * assessment in the country of origin and the escort) only block the travel.
 */
public class Protection {

  private final List<String> consularNotificationBlockedBy = new ArrayList<>();
  private final List<String> repatriationBlockedBy = new ArrayList<>();
  private final List<String> returnTravelBlockedBy = new ArrayList<>();

  public void blockConsularNotification(String reason) {
    addOnce(consularNotificationBlockedBy, reason);
  }

  public void blockRepatriation(String reason) {
    addOnce(repatriationBlockedBy, reason);
  }

  /** Blocks the travel only: the repatriation may still be prepared. */
  public void blockReturnTravel(String reason) {
    addOnce(returnTravelBlockedBy, reason);
  }

  public boolean isConsularNotificationAllowed() { return consularNotificationBlockedBy.isEmpty(); }
  public boolean isRepatriationAllowed() { return repatriationBlockedBy.isEmpty(); }
  public boolean isReturnTravelAllowed() { return repatriationBlockedBy.isEmpty() && returnTravelBlockedBy.isEmpty(); }
  public List<String> getConsularNotificationBlockedBy() { return List.copyOf(consularNotificationBlockedBy); }
  public List<String> getRepatriationBlockedBy() { return List.copyOf(repatriationBlockedBy); }

  /** The reasons that block the repatriation, then those that block only the travel. */
  public List<String> getReturnTravelBlockedBy() {
    LinkedHashSet<String> reasons = new LinkedHashSet<>(repatriationBlockedBy);
    reasons.addAll(returnTravelBlockedBy);
    return List.copyOf(reasons);
  }

  private static void addOnce(List<String> reasons, String reason) {
    if (!reasons.contains(reason)) {
      reasons.add(reason);
    }
  }
}
