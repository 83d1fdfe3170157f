package org.nrm.providers;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.Institution;
import org.nrm.institutions.MechanismProperties;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who reads and who keeps the directory: every institution of a jurisdiction reads its providers
 * (a regional coordinator, member of several, reads them together); the jurisdiction's
 * coordination and the administrators change them; nobody else does.
 */
@Component
public class ProviderAccess {

  static final String ADMINISTRATORS = "camunda-admin";

  private final IdentityService identity;
  private final MechanismProperties mechanism;

  ProviderAccess(IdentityService identity, MechanismProperties mechanism) {
    this.identity = identity;
    this.mechanism = mechanism;
  }

  /** The jurisdictions served by this deployment. */
  public Set<String> served() {
    Set<String> served = new TreeSet<>();
    mechanism.jurisdictions().forEach(jurisdiction -> served.add(jurisdiction.code()));
    return served;
  }

  /** The jurisdictions whose providers the caller reads: their own; every one for an administrator. */
  public Set<String> readable(Authentication caller) {
    if (groups(caller).contains(ADMINISTRATORS)) {
      return served();
    }
    Set<String> own = new TreeSet<>();
    for (Tenant tenant : identity.createTenantQuery().userMember(caller.getUserId()).list()) {
      if (served().contains(tenant.getId())) {
        own.add(tenant.getId());
      }
    }
    return own;
  }

  /** Whether the caller may change the providers of this jurisdiction. */
  public boolean keeps(Authentication caller, String jurisdiction) {
    List<String> groups = groups(caller);
    return groups.contains(ADMINISTRATORS) || (groups.contains(Institution.COORDINATION.id()) && readable(caller).contains(jurisdiction));
  }

  /** Refuses a caller who may not change the providers of this jurisdiction. */
  public void requireKeeper(Authentication caller, String jurisdiction) {
    if (!keeps(caller, jurisdiction)) {
      throw new ApiException(HttpStatus.FORBIDDEN, ApiError.of("El directorio de prestadores de " + jurisdiction + " lo mantiene su"
          + " coordinación (secretaría técnica) o la administración; su usuario puede consultarlo, no cambiarlo."));
    }
  }

  private static List<String> groups(Authentication caller) {
    return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
  }
}
