package org.nrm.providers;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.CallerJurisdictions;
import org.nrm.institutions.Institution;
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

  private final CallerJurisdictions jurisdictions;

  ProviderAccess(CallerJurisdictions jurisdictions) {
    this.jurisdictions = jurisdictions;
  }

  /** The jurisdictions served by this deployment. */
  public Set<String> served() {
    return jurisdictions.served();
  }

  /** The jurisdictions whose providers the caller reads: their own; every one for an administrator. */
  public Set<String> readable(Authentication caller) {
    return jurisdictions.of(caller);
  }

  /** Whether the caller may change the providers of this jurisdiction. */
  public boolean keeps(Authentication caller, String jurisdiction) {
    List<String> groups = CallerJurisdictions.groupsOf(caller);
    return groups.contains(CallerJurisdictions.ADMINISTRATORS)
        || (groups.contains(Institution.COORDINATION.id()) && readable(caller).contains(jurisdiction));
  }

  /** Refuses a caller who may not change the providers of this jurisdiction. */
  public void requireKeeper(Authentication caller, String jurisdiction) {
    if (!keeps(caller, jurisdiction)) {
      throw new ApiException(HttpStatus.FORBIDDEN, ApiError.of("El directorio de prestadores de " + jurisdiction + " lo mantiene su"
          + " coordinación (secretaría técnica) o la administración; su usuario puede consultarlo, no cambiarlo."));
    }
  }
}
