package org.nrm.intake.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.nrm.intake.IntakeService;
import org.nrm.intake.IntakeService.OpenedCase;
import org.nrm.web.ApiError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cases}: other systems open a case with the intake JSON of the data dictionary.
 * 201 with the case number and its Location; 400 with every field's error in Spanish and nothing
 * created; an {@code Idempotency-Key} makes a retried request return the first case.
 */
@RestController
@RequestMapping("/api/cases")
class CaseIntakeController {

  /** A refused intake: what happened, and the error of each field. */
  record IntakeErrors(String error, List<FieldErrorView> fields) {}

  record FieldErrorView(String field, String message) {}

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final IntakeService intake;
  private final IdentityService identity;

  CaseIntakeController(IntakeService intake, IdentityService identity) {
    this.intake = intake;
    this.identity = identity;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> open(@RequestBody(required = false) String body,
      @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    JsonNode request;
    try {
      request = STRICT_JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return refused("El cuerpo no es JSON válido; no se creó ningún caso.",
          List.of(new FieldErrorView("", e.getOriginalMessage())));
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
      return refused("La solicitud tiene errores; no se creó ningún caso.",
          List.of(new FieldErrorView(IDEMPOTENCY_KEY, "debe tener entre 1 y 255 caracteres")));
    }
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();
    var errors = intake.validate(request, normalised);
    if (!errors.isEmpty()) {
      return refused("La entrevista tiene errores; no se creó ningún caso.",
          errors.stream().map(error -> new FieldErrorView(error.field(), error.message())).toList());
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
    return intake.find(caseId).<ResponseEntity<?>>map(ResponseEntity::ok)
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

  private static ResponseEntity<IntakeErrors> refused(String error, List<FieldErrorView> fields) {
    return ResponseEntity.badRequest().body(new IntakeErrors(error, fields));
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
