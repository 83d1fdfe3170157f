package org.nrm.migration.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.migration.MigrationPlans;
import org.nrm.migration.MigrationPreview;
import org.nrm.migration.MigrationProgress;
import org.nrm.migration.MigrationRequest;
import org.nrm.migration.MigrationStarted;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.nrm.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running cases moved to another version of their process ({@code /api/migrations}): the preview
 * of a plan, its execution as a Camunda batch (202, with the batch), the batch's progress.
 * Analysts and administrators, with HTTP basic authentication.
 */
@RestController
@RequestMapping("/api/migrations")
class MigrationController {

  private final MigrationPlans plans;
  private final IdentityService identity;

  MigrationController(MigrationPlans plans, IdentityService identity) {
    this.plans = plans;
    this.identity = identity;
  }

  @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  MigrationPreview preview(HttpServletRequest request) throws IOException {
    return plans.preview(identity.getCurrentAuthentication(),
        RequestBodies.read(request, MigrationRequest.MAX_BYTES, MigrationPlans.NOT_PREVIEWED));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<MigrationStarted> migrate(HttpServletRequest request) throws IOException {
    Authentication caller = identity.getCurrentAuthentication();
    byte[] body;
    try {
      body = RequestBodies.read(request, MigrationRequest.MAX_BYTES, MigrationPlans.NOT_MIGRATED);
    } catch (ApiException refusal) {
      plans.refused(caller, refusal);
      throw refusal;
    }
    MigrationStarted started = plans.start(caller, body);
    return ResponseEntity.accepted().location(URI.create("/api/migrations/" + started.batchId())).body(started);
  }

  @GetMapping("/{batchId}")
  MigrationProgress progress(@PathVariable String batchId) {
    return plans.progress(identity.getCurrentAuthentication(), batchId)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ApiError.of("No hay una migración con el lote " + shown(batchId)
            + ".")));
  }

  private static String shown(String batchId) {
    String printable = batchId.replaceAll("\\p{Cntrl}", "\uFFFD");
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }
}
