package org.nrm.modelchanges.web;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.CallerJurisdictions;
import org.nrm.institutions.Institution;
import org.nrm.modelchanges.ModelChangeLog;
import org.nrm.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of changes to the mechanism (deployments of models, forms and rules, migrations of
 * running cases), newest first, for coordination and administrators.
 */
@RestController
@RequestMapping("/api/model-changes")
class ModelChangeController {

  static final int MAX_LIMIT = 500;
  private static final Set<String> READERS = Set.of(Institution.COORDINATION.id(), CallerJurisdictions.ADMINISTRATORS);

  private final ModelChangeLog changes;
  private final IdentityService identity;

  ModelChangeController(ModelChangeLog changes, IdentityService identity) {
    this.changes = changes;
    this.identity = identity;
  }

  @GetMapping
  ResponseEntity<?> newest(@RequestParam(name = "limit", required = false) String limit) {
    if (!mayRead(identity.getCurrentAuthentication())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(
          "Sólo coordinación (coordination) y los administradores leen el registro de cambios del mecanismo."));
    }
    int rows;
    try {
      rows = limit == null ? 100 : Integer.parseInt(limit.trim());
    } catch (NumberFormatException notANumber) {
      rows = -1;
    }
    if (rows < 1 || rows > MAX_LIMIT) {
      return ResponseEntity.badRequest().body(ApiError.withField("Consulta rechazada.", "limit",
          "Debe ser un número entero entre 1 y " + MAX_LIMIT + "."));
    }
    return ResponseEntity.ok(changes.newest(rows));
  }

  private static boolean mayRead(Authentication caller) {
    return caller != null && CallerJurisdictions.groupsOf(caller).stream().anyMatch(READERS::contains);
  }
}
