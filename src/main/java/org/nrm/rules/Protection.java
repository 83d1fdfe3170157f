package org.nrm.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Decisions of the protection domain. Both are allowed until a rule blocks them, and every block
 * keeps its reason so that people see why.
 */
public class Protection {

  private final List<String> consularNotificationBlockedBy = new ArrayList<>();
  private final List<String> repatriationBlockedBy = new ArrayList<>();

  public void blockConsularNotification(String reason) {
    if (!consularNotificationBlockedBy.contains(reason)) {
      consularNotificationBlockedBy.add(reason);
    }
  }

  public void blockRepatriation(String reason) {
    if (!repatriationBlockedBy.contains(reason)) {
      repatriationBlockedBy.add(reason);
    }
  }

  public boolean isConsularNotificationAllowed() { return consularNotificationBlockedBy.isEmpty(); }
  public boolean isRepatriationAllowed() { return repatriationBlockedBy.isEmpty(); }
  public List<String> getConsularNotificationBlockedBy() { return List.copyOf(consularNotificationBlockedBy); }
  public List<String> getRepatriationBlockedBy() { return List.copyOf(repatriationBlockedBy); }
}
