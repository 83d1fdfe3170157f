package org.nrm.intake;

import static org.nrm.intake.DataDictionary.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an intake (the single interview) against the data dictionary and says, in Spanish, what
 * is wrong with each field. Returns the intake normalised: defaults filled in, identity apart.
 */
public final class IntakeValidator {

  /** An error of one field, by its JSON path ({@code needs.medicalUrgency}, {@code acts[1]}). */
  public record FieldError(String field, String message) {}

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final List<String> TOP_LEVEL = List.of("jurisdiction", "detectedAt", "detectionChannel", "detectionPlace",
      "sex", "genderIdentity", "ageYears", "possiblyMinor", "nationality", "languages", "indigenous", "disability",
      "pregnant", "accompaniedBy", "migrationStatus", "fearOfReturn", "acts", "means", "purposes", "crossedBorder",
      "smuggling", "riskFactors", "needs", "openProceedingsAgainstPerson", "wantsToFileComplaint", "wishesToReturn",
      "identity");

  private final Collection<String> servedJurisdictions;
  private final Collection<String> callerJurisdictions;
  private final Clock clock;
  private final FieldChecks checks = new FieldChecks();

  private IntakeValidator(Collection<String> servedJurisdictions, Collection<String> callerJurisdictions, Clock clock) {
    this.servedJurisdictions = servedJurisdictions;
    this.callerJurisdictions = callerJurisdictions;
    this.clock = clock;
  }

  /**
   * The errors of the intake; when there are none, {@code normalised} holds the clean intake.
   *
   * @param callerJurisdictions the jurisdictions (tenants) the caller belongs to; the caller may open
   *     cases only in those, or in any served one when they belong to none (the system, an administrator)
   */
  static List<FieldError> validate(JsonNode body, Collection<String> servedJurisdictions, Collection<String> callerJurisdictions,
      Clock clock, ObjectNode normalised) {
    IntakeValidator validator = new IntakeValidator(servedJurisdictions, callerJurisdictions, clock);
    validator.check(body);
    if (validator.checks.errors().isEmpty()) {
      normalised.setAll(validator.checks.clean());
    }
    return List.copyOf(validator.checks.errors());
  }

  private void check(JsonNode body) {
    if (body == null || !body.isObject()) {
      checks.error("", "el cuerpo debe ser un objeto JSON con los campos de la entrevista");
      return;
    }
    checks.unknownFields(body, "", TOP_LEVEL);
    String jurisdiction = checks.code(body, "jurisdiction", "jurisdiction", JURISDICTIONS, true, null);
    if (jurisdiction != null && !servedJurisdictions.contains(jurisdiction)) {
      checks.error("jurisdiction", "«" + jurisdiction + "» no es atendida por esta instalación (jurisdicciones: "
          + String.join(", ", servedJurisdictions) + ")");
    } else if (jurisdiction != null && !callerJurisdictions.isEmpty() && !callerJurisdictions.contains(jurisdiction)) {
      checks.error("jurisdiction", "No pertenece a esta jurisdicción: sólo puede abrir casos de "
          + String.join(", ", callerJurisdictions.stream().sorted().toList()));
    }
    detectedAt(body);
    checks.code(body, "detectionChannel", "detectionChannel", DETECTION_CHANNELS, true, null);
    detectionPlace(body.get("detectionPlace"));
    checks.code(body, "sex", "sex", SEXES, true, null);
    checks.text(body, "genderIdentity", false);
    Integer age = checks.integer(body, "ageYears", 0, 120);
    boolean possiblyMinor = checks.bool(body, "possiblyMinor");
    nationality(body);
    checks.list(body, "languages", null, LANGUAGE, "un código ISO 639-1 de dos letras minúsculas, p. ej. «es»");
    checks.bool(body, "indigenous");
    checks.bool(body, "disability");
    checks.bool(body, "pregnant");
    String accompaniedBy = checks.code(body, "accompaniedBy", "accompaniedBy", ACCOMPANIED_BY, false, null);
    if (accompaniedBy != null && age != null && age >= 18 && !possiblyMinor) {
      checks.error("accompaniedBy", "sólo se registra para niñas, niños y adolescentes");
    }
    checks.code(body, "migrationStatus", "migrationStatus", MIGRATION_STATUSES, true, null);
    checks.bool(body, "fearOfReturn");
    checks.list(body, "acts", ACTS, null, null);
    checks.list(body, "means", MEANS, null, null);
    checks.list(body, "purposes", PURPOSES, null, null);
    checks.bool(body, "crossedBorder");
    checks.flags(body.get("smuggling"), "smuggling", SMUGGLING_FIELDS, List.of());
    checks.list(body, "riskFactors", RISK_FACTORS, null, null);
    needs(body.get("needs"));
    checks.bool(body, "openProceedingsAgainstPerson");
    checks.code(body, "wantsToFileComplaint", "wantsToFileComplaint", CHOICES, false, "undecided");
    checks.code(body, "wishesToReturn", "wishesToReturn", CHOICES, false, "undecided");
    identity(body.get("identity"));
  }

  private void detectedAt(JsonNode body) {
    JsonNode node = body.get("detectedAt");
    if (FieldChecks.missing(node)) {
      checks.error("detectedAt", "es obligatorio");
      return;
    }
    try {
      OffsetDateTime detectedAt = OffsetDateTime.parse(node.asText());
      if (!node.isTextual()) {
        throw new DateTimeParseException("not text", node.toString(), 0);
      }
      if (detectedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
        checks.error("detectedAt", "no puede estar en el futuro");
      }
      checks.clean().put("detectedAt", detectedAt.toString());
    } catch (DateTimeParseException e) {
      checks.error("detectedAt", "debe ser una fecha y hora ISO-8601 con zona, p. ej. «2026-11-24T10:30:00-06:00»");
    }
  }

  private void detectionPlace(JsonNode place) {
    if (FieldChecks.missing(place)) {
      checks.error("detectionPlace", "es obligatorio (país y región)");
      return;
    }
    if (!place.isObject()) {
      checks.error("detectionPlace", "debe ser un objeto con «country», «region» y opcionalmente «lat» y «lon»");
      return;
    }
    checks.unknownFields(place, "detectionPlace.", List.of("country", "region", "lat", "lon"));
    ObjectNode cleanPlace = checks.clean().putObject("detectionPlace");
    JsonNode country = place.get("country");
    if (FieldChecks.missing(country)) {
      checks.error("detectionPlace.country", "es obligatorio");
    } else if (!country.isTextual() || !COUNTRY.matcher(country.asText()).matches()) {
      checks.error("detectionPlace.country", "debe ser un código de país ISO 3166-1 de dos letras, p. ej. «CR»");
    } else {
      cleanPlace.put("country", country.asText());
    }
    JsonNode region = place.get("region");
    if (!FieldChecks.missing(region)) {
      if (region.isTextual()) {
        cleanPlace.put("region", region.asText());
      } else {
        checks.error("detectionPlace.region", "debe ser texto");
      }
    }
    coordinate(place, cleanPlace, "lat", 90);
    coordinate(place, cleanPlace, "lon", 180);
  }

  private void coordinate(JsonNode place, ObjectNode cleanPlace, String name, int limit) {
    JsonNode node = place.get(name);
    if (FieldChecks.missing(node)) {
      return;
    }
    if (!node.isNumber() || Math.abs(node.asDouble()) > limit) {
      checks.error("detectionPlace." + name, "debe ser un número entre -" + limit + " y " + limit);
    } else {
      cleanPlace.put(name, node.asDouble());
    }
  }

  private void nationality(JsonNode body) {
    JsonNode node = body.get("nationality");
    if (FieldChecks.missing(node)) {
      checks.error("nationality", "es obligatorio (código de país, «stateless» o «unknown»)");
    } else if (!node.isTextual()
        || !(COUNTRY.matcher(node.asText()).matches() || NATIONALITY_WORDS.contains(node.asText()))) {
      checks.error("nationality", "«" + node.asText() + "» no es válido: use un código de país ISO 3166-1 "
          + "de dos letras, «stateless» o «unknown»");
    } else {
      checks.clean().put("nationality", node.asText());
    }
  }

  private void needs(JsonNode needs) {
    ObjectNode cleanNeeds = checks.flags(needs, "needs", NEEDS_FLAGS, List.of("medicalUrgency"));
    if (cleanNeeds != null) {
      String urgency = checks.code(needs == null ? JsonNodeFactory.instance.objectNode() : needs, "medicalUrgency",
          "needs.medicalUrgency", MEDICAL_URGENCIES, false, "none");
      if (urgency != null) {
        cleanNeeds.put("medicalUrgency", urgency);
        checks.clean().remove("medicalUrgency");
      }
    }
  }

  private void identity(JsonNode identity) {
    if (FieldChecks.missing(identity)) {
      return;
    }
    if (!identity.isObject()) {
      checks.error("identity", "debe ser un objeto");
      return;
    }
    checks.unknownFields(identity, "identity.", IDENTITY_FIELDS);
    ObjectNode cleanIdentity = checks.clean().putObject("identity");
    for (String field : IDENTITY_FIELDS) {
      JsonNode value = identity.get(field);
      if (FieldChecks.missing(value)) {
        continue;
      }
      if (!value.isTextual()) {
        checks.error("identity." + field, "debe ser texto");
      } else if (value.asText().length() > 500) {
        checks.error("identity." + field, "no puede tener más de 500 caracteres");
      } else {
        cleanIdentity.put(field, value.asText());
      }
    }
  }

  /** An object of boolean flags (false when absent), plus other fields that the caller checks. */







}
