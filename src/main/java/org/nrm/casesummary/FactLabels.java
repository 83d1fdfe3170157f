package org.nrm.casesummary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import org.nrm.institutions.Institution;

/**
 * The Spanish words for the data dictionary's codes, as people read them in a case summary. The
 * intake's codes and questions are the start form's own labels ({@code forms/intake-case.form}), so
 * a summary says what the first responder saw when recording it; the rules' decisions are named
 * here; countries and languages are the JDK's Spanish names of their ISO codes.
 */
public final class FactLabels {

  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final String INTAKE_FORM = "forms/intake-case.form";

  private static final Map<String, Map<String, String>> DECISIONS = Map.of(
      "classification", Map.of(
          "presumed-trafficking-victim", "Presunta víctima de trata",
          "smuggled-migrant-in-need", "Persona migrante objeto de tráfico ilícito con necesidades",
          "other-vulnerable-person", "Otra persona en situación de vulnerabilidad",
          "insufficient-information", "Información insuficiente"),
      "riskLevel", Map.of("low", "Bajo", "medium", "Medio", "high", "Alto", "critical", "Crítico"),
      "identificationDecision", Map.of(
          "identified", "Identificada como víctima de trata",
          "not-identified", "No identificada como víctima de trata"));

  /** The code lists of the intake form by field path ({@code needs.medicalUrgency}): code to label. */
  private final Map<String, Map<String, String>> codes = new HashMap<>();
  /** The intake form's question for each field path ({@code needs.shelter}: "Necesita alojamiento seguro"). */
  private final Map<String, String> questions = new HashMap<>();

  private FactLabels() {}

  public static FactLabels fromIntakeForm() {
    FactLabels labels = new FactLabels();
    try (InputStream form = FactLabels.class.getClassLoader().getResourceAsStream(INTAKE_FORM)) {
      if (form == null) {
        throw new IllegalStateException(INTAKE_FORM + " is not on the classpath");
      }
      labels.read(new ObjectMapper().readTree(form).path("components"), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return labels;
  }

  private void read(JsonNode components, String path) {
    for (JsonNode component : components) {
      String inner = component.hasNonNull("path") ? path + component.get("path").asText() + "." : path;
      if (component.hasNonNull("key")) {
        String field = path + component.get("key").asText();
        questions.put(field, component.path("label").asText());
        Map<String, String> values = new HashMap<>();
        component.path("values").forEach(value -> values.put(value.path("value").asText(), value.path("label").asText()));
        codes.put(field, values);
      }
      read(component.path("components"), inner);
    }
  }

  /** The label of an intake code ({@code acts}, {@code recruitment}); the code itself when the form has none. */
  public String code(String field, String code) {
    return codes.getOrDefault(field, Map.of()).getOrDefault(code, code);
  }

  /** The intake form's question for a field; the field's path when the form has none. */
  public String question(String field) {
    return questions.getOrDefault(field, field);
  }

  /** The label of a decision's value ({@code riskLevel}, {@code high}: "Alto"). */
  public String decision(String output, String code) {
    return DECISIONS.getOrDefault(output, Map.of()).getOrDefault(code, code);
  }

  public String institution(String id) {
    return Institution.byId(id).map(Institution::spanishName).orElse(id);
  }

  /** A country's Spanish name from its ISO 3166-1 code, and the intake's two words that are not countries. */
  public String country(String code) {
    return switch (code) {
      case "stateless" -> "Apátrida";
      case "unknown" -> "Desconocida";
      default -> {
        try {
          String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(SPANISH);
          yield name.isBlank() ? code : name;
        } catch (IllformedLocaleException notACountryCode) {
          yield code;
        }
      }
    };
  }

  /** A language's Spanish name from its ISO 639-1 code (the form's label first). */
  public String language(String code) {
    String label = code("languages", code);
    if (!label.equals(code)) {
      return label;
    }
    try {
      String name = new Locale.Builder().setLanguage(code).build().getDisplayLanguage(SPANISH);
      return name.isBlank() ? code : name;
    } catch (IllformedLocaleException notALanguageCode) {
      return code;
    }
  }
}
