package org.nrm.identity.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.identity.IdentityAccessPolicy;
import org.nrm.identity.IdentityVault;
import org.nrm.web.ApiError;
import org.nrm.web.CaseIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseId}/identity}: the identity of a case, for the institution whose open
 * task needs it, and only then. Every read is recorded with the user and the task.
 */
@RestController
class CaseIdentityController {

  private final IdentityVault vault;
  private final IdentityAccessPolicy policy;
  private final IdentityService identity;

  CaseIdentityController(IdentityVault vault, IdentityAccessPolicy policy, IdentityService identity) {
    this.vault = vault;
    this.policy = policy;
    this.identity = identity;
  }

  @GetMapping("/api/cases/{caseId}/identity")
  ResponseEntity<?> identity(@PathVariable String caseId) {
    CaseIds.requireWellFormed(caseId);
    Authentication caller = identity.getCurrentAuthentication();
    return policy.taskNeedingIdentity(caseId, caller.getUserId(), caller.getGroupIds())
        .<ResponseEntity<?>>map(task -> vault.read(caseId, caller.getUserId(), "Tarea: " + task.getName())
            .<ResponseEntity<?>>map(ResponseEntity::ok)
            .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("El caso " + caseId + " no tiene datos de identidad registrados."))))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(
            "Su institución no tiene una tarea abierta de este caso que necesite los datos de identidad.")));
  }
}
