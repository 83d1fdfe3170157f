package org.nrm.intake;

import static org.nrm.intake.DataDictionary.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
  private final Clock clock;
  private final List<FieldError> errors = new ArrayList<>();
  private final ObjectNode clean = JsonNodeFactory.instance.objectNode();

  private IntakeValidator(Collection<String> servedJurisdictions, Clock clock) {
    this.servedJurisdictions = servedJurisdictions;
    this.clock = clock;
  }

  /** The errors of the intake; when there are none, {@code normalised} holds the clean intake. */
  static List<FieldError> validate(JsonNode body, Collection<String> servedJurisdictions, Clock clock, ObjectNode normalised) {
    IntakeValidator validator = new IntakeValidator(servedJurisdictions, clock);
    validator.check(body);
    if (validator.errors.isEmpty()) {
      normalised.setAll(validator.clean);
    }
    return List.copyOf(validator.errors);
  }

  private void check(JsonNode body) {
    if (body == null || !body.isObject()) {
      errors.add(new FieldError("", "el cuerpo debe ser un objeto JSON con los campos de la entrevista"));
      return;
    }
    unknownFields(body, "", TOP_LEVEL);
    String jurisdiction = code(body, "jurisdiction", "jurisdiction", JURISDICTIONS, true, null);
    if (jurisdiction != null && !servedJurisdictions.contains(jurisdiction)) {
      errors.add(new FieldError("jurisdiction", "«" + jurisdiction + "» no es atendida por esta instalación (jurisdicciones: "
          + String.join(", ", servedJurisdictions) + ")"));
    }
    detectedAt(body);
    code(body, "detectionChannel", "detectionChannel", DETECTION_CHANNELS, true, null);
    detectionPlace(body.get("detectionPlace"));
    code(body, "sex", "sex", SEXES, true, null);
    text(body, "genderIdentity", false);
    Integer age = integer(body, "ageYears", 0, 120);
    boolean possiblyMinor = bool(body, "possiblyMinor");
    nationality(body);
    list(body, "languages", null, LANGUAGE, "un código ISO 639-1 de dos letras minúsculas, p. ej. «es»");
    bool(body, "indigenous");
    bool(body, "disability");
    bool(body, "pregnant");
    String accompaniedBy = code(body, "accompaniedBy", "accompaniedBy", ACCOMPANIED_BY, false, null);
    if (accompaniedBy != null && age != null && age >= 18 && !possiblyMinor) {
      errors.add(new FieldError("accompaniedBy", "sólo se registra para niñas, niños y adolescentes"));
    }
    code(body, "migrationStatus", "migrationStatus", MIGRATION_STATUSES, true, null);
    bool(body, "fearOfReturn");
    list(body, "acts", ACTS, null, null);
    list(body, "means", MEANS, null, null);
    list(body, "purposes", PURPOSES, null, null);
    bool(body, "crossedBorder");
    flags(body.get("smuggling"), "smuggling", SMUGGLING_FIELDS, List.of());
    list(body, "riskFactors", RISK_FACTORS, null, null);
    needs(body.get("needs"));
    bool(body, "openProceedingsAgainstPerson");
    code(body, "wantsToFileComplaint", "wantsToFileComplaint", CHOICES, false, "undecided");
    code(body, "wishesToReturn", "wishesToReturn", CHOICES, false, "undecided");
    identity(body.get("identity"));
  }

  private void detectedAt(JsonNode body) {
    JsonNode node = body.get("detectedAt");
    if (missing(node)) {
      errors.add(new FieldError("detectedAt", "es obligatorio"));
      return;
    }
    try {
      OffsetDateTime detectedAt = OffsetDateTime.parse(node.asText());
      if (!node.isTextual()) {
        throw new DateTimeParseException("not text", node.toString(), 0);
      }
      if (detectedAt.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
        errors.add(new FieldError("detectedAt", "no puede estar en el futuro"));
      }
      clean.put("detectedAt", detectedAt.toString());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("detectedAt", "debe ser una fecha y hora ISO-8601 con zona, p. ej. «2026-11-24T10:30:00-06:00»"));
    }
  }

  private void detectionPlace(JsonNode place) {
    if (missing(place)) {
      errors.add(new FieldError("detectionPlace", "es obligatorio (país y región)"));
      return;
    }
    if (!place.isObject()) {
      errors.add(new FieldError("detectionPlace", "debe ser un objeto con «country», «region» y opcionalmente «lat» y «lon»"));
      return;
    }
    unknownFields(place, "detectionPlace.", List.of("country", "region", "lat", "lon"));
    ObjectNode cleanPlace = clean.putObject("detectionPlace");
    JsonNode country = place.get("country");
    if (missing(country)) {
      errors.add(new FieldError("detectionPlace.country", "es obligatorio"));
    } else if (!country.isTextual() || !COUNTRY.matcher(country.asText()).matches()) {
      errors.add(new FieldError("detectionPlace.country", "debe ser un código de país ISO 3166-1 de dos letras, p. ej. «CR»"));
    } else {
      cleanPlace.put("country", country.asText());
    }
    JsonNode region = place.get("region");
    if (!missing(region)) {
      if (region.isTextual()) {
        cleanPlace.put("region", region.asText());
      } else {
        errors.add(new FieldError("detectionPlace.region", "debe ser texto"));
      }
    }
    coordinate(place, cleanPlace, "lat", 90);
    coordinate(place, cleanPlace, "lon", 180);
  }

  private void coordinate(JsonNode place, ObjectNode cleanPlace, String name, int limit) {
    JsonNode node = place.get(name);
    if (missing(node)) {
      return;
    }
    if (!node.isNumber() || Math.abs(node.asDouble()) > limit) {
      errors.add(new FieldError("detectionPlace." + name, "debe ser un número entre -" + limit + " y " + limit));
    } else {
      cleanPlace.put(name, node.asDouble());
    }
  }

  private void nationality(JsonNode body) {
    JsonNode node = body.get("nationality");
    if (missing(node)) {
      errors.add(new FieldError("nationality", "es obligatorio (código de país, «stateless» o «unknown»)"));
    } else if (!node.isTextual()
        || !(COUNTRY.matcher(node.asText()).matches() || NATIONALITY_WORDS.contains(node.asText()))) {
      errors.add(new FieldError("nationality", "«" + node.asText() + "» no es válido: use un código de país ISO 3166-1 "
          + "de dos letras, «stateless» o «unknown»"));
    } else {
      clean.put("nationality", node.asText());
    }
  }

  private void needs(JsonNode needs) {
    ObjectNode cleanNeeds = flags(needs, "needs", NEEDS_FLAGS, List.of("medicalUrgency"));
    if (cleanNeeds != null) {
      String urgency = code(needs == null ? JsonNodeFactory.instance.objectNode() : needs, "medicalUrgency",
          "needs.medicalUrgency", MEDICAL_URGENCIES, false, "none");
      if (urgency != null) {
        cleanNeeds.put("medicalUrgency", urgency);
        clean.remove("medicalUrgency");
      }
    }
  }

  private void identity(JsonNode identity) {
    if (missing(identity)) {
      return;
    }
    if (!identity.isObject()) {
      errors.add(new FieldError("identity", "debe ser un objeto"));
      return;
    }
    unknownFields(identity, "identity.", IDENTITY_FIELDS);
    ObjectNode cleanIdentity = clean.putObject("identity");
    for (String field : IDENTITY_FIELDS) {
      JsonNode value = identity.get(field);
      if (missing(value)) {
        continue;
      }
      if (!value.isTextual()) {
        errors.add(new FieldError("identity." + field, "debe ser texto"));
      } else if (value.asText().length() > 500) {
        errors.add(new FieldError("identity." + field, "no puede tener más de 500 caracteres"));
      } else {
        cleanIdentity.put(field, value.asText());
      }
    }
  }

  /** An object of boolean flags (false when absent), plus other fields that the caller checks. */
  private ObjectNode flags(JsonNode node, String path, List<String> flags, List<String> otherFields) {
    ObjectNode cleanFlags = clean.putObject(path);
    if (missing(node)) {
      flags.forEach(flag -> cleanFlags.put(flag, false));
      return cleanFlags;
    }
    if (!node.isObject()) {
      errors.add(new FieldError(path, "debe ser un objeto con los campos " + String.join(", ", flags)));
      return null;
    }
    List<String> known = new ArrayList<>(flags);
    known.addAll(otherFields);
    unknownFields(node, path + ".", known);
    for (String flag : flags) {
      JsonNode value = node.get(flag);
      if (missing(value)) {
        cleanFlags.put(flag, false);
      } else if (!value.isBoolean()) {
        errors.add(new FieldError(path + "." + flag, "debe ser true o false"));
      } else {
        cleanFlags.put(flag, value.asBoolean());
      }
    }
    return cleanFlags;
  }

  private String code(JsonNode body, String name, String path, List<String> values, boolean required, String absent) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      if (required) {
        errors.add(new FieldError(path, "es obligatorio; valores: " + String.join(", ", values)));
      } else if (absent != null) {
        clean.put(name, absent);
      }
      return absent;
    }
    if (!node.isTextual() || !values.contains(node.asText())) {
      errors.add(new FieldError(path, "«" + node.asText() + "» no es un código válido; valores: " + String.join(", ", values)));
      return null;
    }
    clean.put(name, node.asText());
    return node.asText();
  }

  private void text(JsonNode body, String name, boolean required) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      if (required) {
        errors.add(new FieldError(name, "es obligatorio"));
      }
    } else if (!node.isTextual()) {
      errors.add(new FieldError(name, "debe ser texto"));
    } else {
      clean.put(name, node.asText());
    }
  }

  private Integer integer(JsonNode body, String name, int min, int max) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      clean.putNull(name);
      return null;
    }
    if (!node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
      errors.add(new FieldError(name, "debe ser un número entero entre " + min + " y " + max));
      return null;
    }
    clean.put(name, node.asInt());
    return node.asInt();
  }

  private boolean bool(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      clean.put(name, false);
      return false;
    }
    if (!node.isBoolean()) {
      errors.add(new FieldError(name, "debe ser true o false"));
      return false;
    }
    clean.put(name, node.asBoolean());
    return node.asBoolean();
  }

  private void list(JsonNode body, String name, List<String> values, Pattern pattern, String patternText) {
    JsonNode node = body.get(name);
    var cleanList = clean.putArray(name);
    if (missing(node)) {
      return;
    }
    if (!node.isArray()) {
      errors.add(new FieldError(name, "debe ser una lista"));
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String text = item.asText();
      boolean valid = item.isTextual() && (values != null ? values.contains(text) : pattern.matcher(text).matches());
      if (!valid) {
        errors.add(new FieldError(name + "[" + i + "]", values != null
            ? "«" + text + "» no es un código válido; valores: " + String.join(", ", values)
            : "«" + text + "» no es válido; debe ser " + patternText));
      } else if (seen.add(text)) {
        cleanList.add(text);
      }
    }
  }

  private void unknownFields(JsonNode node, String prefix, List<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        errors.add(new FieldError(prefix + name, "campo desconocido"));
      }
    }
  }

  private static boolean missing(JsonNode node) {
    return node == null || node.isNull();
  }
}
