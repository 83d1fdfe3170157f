package org.nrm.migration;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.CallerJurisdictions;
import org.nrm.institutions.Institution;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;

/** Who moves running cases to another version: the analysts and the administrators, nobody else. */
final class MigrationAccess {

  private MigrationAccess() {}

  static void require(Authentication caller) {
    if (caller == null || caller.getUserId() == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ApiError.of("Inicie sesión (HTTP basic) para migrar casos."));
    }
    var groups = CallerJurisdictions.groupsOf(caller);
    if (!groups.contains(Institution.ANALYSTS.id()) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new ApiException(HttpStatus.FORBIDDEN, ApiError.of("Sólo los analistas (grupo «analysts») y los administradores"
          + " (grupo «camunda-admin») pueden preparar y ejecutar la migración de casos a otra versión de un proceso."));
    }
  }
}
