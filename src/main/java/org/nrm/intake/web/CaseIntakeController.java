package org.nrm.intake.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.nrm.intake.IntakeService;
import org.nrm.intake.IntakeService.OpenedCase;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.nrm.web.CaseIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases}: other systems open a case with the intake JSON of the data dictionary
 * (its schema: {@code api/intake.schema.json}). 201 with the case number and its Location; 400 with
 * every field's error in Spanish and nothing created; an {@code Idempotency-Key} makes a retried
 * request return the first case.
 */
@RestController
@RequestMapping("/api/cases")
class CaseIntakeController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private static final String REFUSED = "La entrevista tiene errores; no se creó ningún caso.";
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IntakeService intake;
  private final IdentityService identity;

  CaseIntakeController(IntakeService intake, IdentityService identity) {
    this.intake = intake;
    this.identity = identity;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> open(HttpServletRequest http,
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
    JsonNode request = IntakeBody.read(http);
    if (idempotencyKey != null && !VISIBLE_ASCII.matcher(idempotencyKey).matches()) {
      throw ApiException.badRequest(ApiError.withField("La solicitud tiene errores; no se creó ningún caso.", IDEMPOTENCY_KEY,
          "debe tener entre 1 y 255 caracteres ASCII visibles (sin espacios)"));
    }
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();
    var errors = intake.validate(request, normalised);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(ApiError.withFields(REFUSED,
          errors.stream().map(error -> new ApiError.Field(error.field(), error.message())).toList()));
    }
    String requestHash = sha256(request.toString());
    if (idempotencyKey != null) {
      Optional<ResponseEntity<?>> replay = replay(idempotencyKey, requestHash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    try {
      OpenedCase opened = intake.open(normalised, identity.getCurrentAuthentication().getUserId(), idempotencyKey, requestHash);
      return ResponseEntity.created(location(opened)).body(opened);
    } catch (DuplicateKeyException concurrentRetry) {
      return replay(idempotencyKey, requestHash).orElseThrow(() -> concurrentRetry);
    }
  }

  @GetMapping("/{caseId}")
  ResponseEntity<?> get(@PathVariable String caseId) {
    return intake.find(CaseIds.requireWellFormed(caseId)).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ApiError.of("No existe el caso " + caseId + " o no tiene permiso para verlo.")));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("No tiene permiso para abrir casos."));
  }

  /** The first case of a retried request; a conflict when the key came with another request. */
  private Optional<ResponseEntity<?>> replay(String idempotencyKey, String requestHash) {
    return intake.recordedRequest(idempotencyKey).map(recorded -> {
      if (!recorded.requestHash().equals(requestHash)) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(
            "La clave de idempotencia ya se usó con otra solicitud (caso " + recorded.openedCase().caseId()
                + "); use una clave nueva."));
      }
      OpenedCase first = recorded.openedCase();
      return ResponseEntity.created(location(first)).header(REPLAYED, "true").body(first);
    });
  }

  private static URI location(OpenedCase opened) {
    return URI.create("/api/cases/" + opened.caseId());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
