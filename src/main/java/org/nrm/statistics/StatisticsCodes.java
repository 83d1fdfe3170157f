package org.nrm.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nrm.intake.IntakeSchema;

/**
 * Only codes reach the statistics: a value is kept when it is one of its field's codes, and is
 * {@code unknown} (or {@code other} for a form's choice) otherwise, so that no free text a caller
 * might have put in a variable is ever counted or shown. The intake's codes are its JSON Schema's;
 * the later decisions' are their forms'.
 */
final class StatisticsCodes {

  private static final Pattern COUNTRY = Pattern.compile("^([A-Z]{2}|stateless|unknown)$");
  private static final Map<String, Set<String>> CODES = new HashMap<>();

  static {
    JsonNode properties = IntakeSchema.document().path("properties");
    for (String field : List.of("sex", "detectionChannel", "migrationStatus")) {
      CODES.put(field, enumOf(properties.path(field)));
    }
    CODES.put("purposes", enumOf(properties.path("purposes").path("items")));
    CODES.put("classification", Set.of("presumed-trafficking-victim", "smuggled-migrant-in-need", "other-vulnerable-person",
        "insufficient-information"));
    CODES.put("riskLevel", Set.of("low", "medium", "high", "critical"));
    CODES.put("identificationDecision", Set.of("identified", "not-identified"));
    CODES.put("regularisationStatus", Set.of("procedure-started", "residence-granted", "not-wanted"));
    CODES.put("durableSolution", Set.of("local-integration", "third-country", "repatriation"));
    CODES.put("caseOutcome", Set.of("durable-solution-achieved", "lost-contact", "assistance-declined", "transferred", "other"));
  }

  private StatisticsCodes() {}

  /** The value when it is a code of the field; {@code otherwise} when it is not; null when there is none. */
  static String code(String field, Object value, String otherwise) {
    if (value == null) {
      return null;
    }
    return CODES.getOrDefault(field, Set.of()).contains(value.toString()) ? value.toString() : otherwise;
  }

  static String country(Object value) {
    return value != null && COUNTRY.matcher(value.toString()).matches() ? value.toString() : AgeGroups.UNKNOWN;
  }

  /** An ICCS code of the data dictionary: digits only. */
  static String iccs(Object value) {
    return value != null && value.toString().matches("^0204[1-4]?$") ? value.toString() : null;
  }

  /** The codes of a field, as the store keeps them. */
  static Set<String> of(String field) {
    return CODES.getOrDefault(field, Set.of());
  }

  private static Set<String> enumOf(JsonNode schema) {
    Set<String> codes = new HashSet<>();
    schema.path("enum").forEach(code -> codes.add(code.asText()));
    return Set.copyOf(codes);
  }
}
