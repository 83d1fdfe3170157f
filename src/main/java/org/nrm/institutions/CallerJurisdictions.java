package org.nrm.institutions;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The jurisdictions a signed-in user belongs to: the tenants of this deployment they are a member
 * of (a regional coordinator: several), every one for an administrator.
 */
@Component
public class CallerJurisdictions {

  public static final String ADMINISTRATORS = "camunda-admin";

  private final IdentityService identity;
  private final MechanismProperties mechanism;

  CallerJurisdictions(IdentityService identity, MechanismProperties mechanism) {
    this.identity = identity;
    this.mechanism = mechanism;
  }

  /** The jurisdictions this deployment serves. */
  public Set<String> served() {
    Set<String> served = new TreeSet<>();
    mechanism.jurisdictions().forEach(jurisdiction -> served.add(jurisdiction.code()));
    return served;
  }

  public Set<String> of(Authentication caller) {
    if (groupsOf(caller).contains(ADMINISTRATORS)) {
      return served();
    }
    Set<String> served = served();
    Set<String> own = new TreeSet<>();
    for (Tenant tenant : identity.createTenantQuery().userMember(caller.getUserId()).list()) {
      if (served.contains(tenant.getId())) {
        own.add(tenant.getId());
      }
    }
    return own;
  }

  public static List<String> groupsOf(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }
}
