package org.nrm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an intake (the single interview) and says, in Spanish, what is wrong with each field.
 * Returns the intake normalised: defaults filled in, identity apart.
 *
 * <p>The codes, types, bounds and required fields are the intake's JSON Schema
 * ({@link IntakeSchema}), the one the API description publishes. This class adds only what a
 * schema cannot say: that this installation serves the jurisdiction and the caller belongs to it,
 * that {@code detectedAt} is a real instant not in the future, and that the place's subdivision is
 * one of its country's ({@link Subdivisions}).
 */
public final class IntakeValidator {

  /** An error of one field, by its JSON path ({@code needs.medicalUrgency}, {@code acts[1]}). */
  public record FieldError(String field, String message) {}

  /** More errors than this are summed up in one: a caller needs the first ones, not a flood. */
  static final int MAX_ERRORS = 50;

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private IntakeValidator() {}

  /**
   * The errors of the intake; when there are none, {@code normalised} holds the clean intake.
   *
   * @param callerJurisdictions the jurisdictions (tenants) the caller belongs to; the caller may open
   *     cases only in those, or in any served one when they belong to none (the system, an administrator)
   */
  static List<FieldError> validate(JsonNode body, Collection<String> servedJurisdictions, Collection<String> callerJurisdictions,
      Clock clock, ObjectNode normalised) {
    JsonNode intake = IntakeSchema.withoutNulls(body == null ? MissingNode.getInstance() : body);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<String> tooLongLists = new HashSet<>();
    for (Error error : IntakeSchema.errors(IntakeSchema.cutToBounds(intake))) {
      // one message per field: the first is the one that matters (a wrong type before its range)
      errors.putIfAbsent(SchemaMessages.field(error), SchemaMessages.message(error));
      if ("maxItems".equals(error.getKeyword())) {
        tooLongLists.add(SchemaMessages.field(error));
      }
    }
    if (intake.isObject()) {
      jurisdiction(intake, servedJurisdictions, callerJurisdictions, errors);
      detectedAt(intake, clock, errors);
      subdivision(intake, errors);
    }
    if (errors.isEmpty()) {
      ObjectNode clean = IntakeSchema.withDefaults(intake);
      clean.put("detectedAt", OffsetDateTime.parse(clean.get("detectedAt").asText()).toString());
      normalised.setAll(clean);
    }
    return bounded(errors, tooLongLists);
  }

  private static void jurisdiction(JsonNode intake, Collection<String> served, Collection<String> caller, Map<String, String> errors) {
    if (errors.containsKey("jurisdiction") || !intake.path("jurisdiction").isTextual()) {
      return;
    }
    String jurisdiction = intake.get("jurisdiction").asText();
    if (!served.contains(jurisdiction)) {
      errors.put("jurisdiction", "«" + jurisdiction + "» no es atendida por esta instalación (jurisdicciones: "
          + String.join(", ", served) + ")");
    } else if (!caller.isEmpty() && !caller.contains(jurisdiction)) {
      errors.put("jurisdiction", "No pertenece a esta jurisdicción: sólo puede abrir casos de "
          + String.join(", ", caller.stream().sorted().toList()));
    }
  }

  /** The place's subdivision, when given, is a first-level one of the place's country (ISO 3166-2). */
  private static void subdivision(JsonNode intake, Map<String, String> errors) {
    JsonNode place = intake.path("detectionPlace");
    String field = "detectionPlace.subdivision";
    if (errors.containsKey(field) || errors.containsKey("detectionPlace.country") || !place.path("subdivision").isTextual()
        || !place.path("country").isTextual()) {
      return;
    }
    String country = place.get("country").asText();
    String subdivision = place.get("subdivision").asText();
    if (!Subdivisions.isFirstLevelOf(country, subdivision)) {
      errors.put(field, "«" + subdivision + "» no es una subdivisión de primer nivel de " + country + " (ISO 3166-2)"
          + (Subdivisions.of(country).isEmpty() ? "" : "; por ejemplo " + examples(country)));
    }
  }

  private static String examples(String country) {
    return Subdivisions.of(country).entrySet().stream().limit(3)
        .map(subdivision -> subdivision.getKey() + " (" + subdivision.getValue() + ")").reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static void detectedAt(JsonNode intake, Clock clock, Map<String, String> errors) {
    if (errors.containsKey("detectedAt") || !intake.path("detectedAt").isTextual()) {
      return;
    }
    try {
      OffsetDateTime detectedAt = OffsetDateTime.parse(intake.get("detectedAt").asText());
      if (detectedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
        errors.put("detectedAt", "no puede estar en el futuro");
      }
    } catch (DateTimeParseException e) {
      // the schema's pattern admits 2026-02-30T10:00Z; the calendar does not
      errors.put("detectedAt", "no es una fecha y hora real; use ISO-8601 con zona, p. ej. «2026-11-24T10:30:00-06:00»");
    }
  }

  /**
   * The errors, at most {@link #MAX_ERRORS}; the items of a list that is too long are not listed
   * one by one (the list's own error says it).
   */
  private static List<FieldError> bounded(Map<String, String> errors, Set<String> tooLongLists) {
    List<FieldError> bounded = new ArrayList<>();
    int left = 0;
    for (Map.Entry<String, String> error : errors.entrySet()) {
      if (tooLongLists.stream().anyMatch(list -> error.getKey().startsWith(list + "["))) {
        continue;
      }
      if (bounded.size() < MAX_ERRORS) {
        bounded.add(new FieldError(error.getKey(), error.getValue()));
      } else {
        left++;
      }
    }
    if (left > 0) {
      bounded.add(new FieldError("", "y " + left + " errores más"));
    }
    return List.copyOf(bounded);
  }
}
