package org.nrm.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nrm.institutions.Institution;
import org.nrm.intake.Subdivisions;
import org.nrm.web.ApiError;

/**
 * What makes a provider valid, each problem in Spanish with its field: the directory refuses a
 * change with any of them, whole, and keeps the provider as it was.
 */
final class ProviderValidator {

  private static final Set<String> FIELDS = Set.of("jurisdiction", "name", "institution", "sector", "services", "regions", "serves",
      "languages", "capacity", "placesFree", "contacts", "id", "active", "version", "updatedAt", "updatedBy");
  private static final Set<String> SERVED = Set.of("ageGroups", "sexes", "lgbtqi", "indigenousLanguages", "disabilityAccess");
  private static final Set<String> CONTACTS = Set.of("phone", "email", "address", "hours", "forPersons");
  /** Institutions that give no service to a person themselves. */
  private static final Set<String> NOT_PROVIDERS = Set.of(Institution.COORDINATION.id(), Institution.ANALYSTS.id());
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final List<ApiError.Field> problems = new ArrayList<>();

  private ProviderValidator() {}

  /** The problems of a provider for the jurisdictions served here; empty when it is valid. */
  static List<ApiError.Field> problemsOf(JsonNode provider, Set<String> servedJurisdictions) {
    ProviderValidator validator = new ProviderValidator();
    validator.check(provider, servedJurisdictions);
    return validator.problems;
  }

  private void check(JsonNode provider, Set<String> served) {
    if (provider == null || !provider.isObject()) {
      problem("", "Envíe el prestador como un objeto JSON.");
      return;
    }
    provider.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        problem(name, "Campo desconocido.");
      }
    });
    String jurisdiction = text(provider, "jurisdiction", 2, true);
    if (jurisdiction != null && !served.contains(jurisdiction)) {
      problem("jurisdiction", "Jurisdicción no atendida por este despliegue: " + String.join(", ", served) + ".");
    }
    text(provider, "name", 200, true);
    String institution = text(provider, "institution", 32, true);
    if (institution != null && (Institution.byId(institution).isEmpty() || NOT_PROVIDERS.contains(institution))) {
      problem("institution", "Institución desconocida o que no presta servicios a la persona: use un id del diccionario de datos"
          + " (p. ej. «shelter», «health», «legal-aid»).");
    }
    code(provider, "sector", ProviderCodes.SECTORS, true);
    List<String> services = codes(provider, "services", ProviderCodes.SERVICES, true);
    List<String> regions = list(provider, "regions", 40, true);
    for (int i = 0; i < regions.size(); i++) {
      if (jurisdiction != null && !Subdivisions.isFirstLevelOf(jurisdiction, regions.get(i))) {
        problem("regions[" + i + "]", "«" + regions.get(i) + "» no es una subdivisión de primer nivel de " + jurisdiction
            + " (ISO 3166-2, p. ej. «" + Subdivisions.of(jurisdiction).keySet().stream().findFirst().orElse(jurisdiction + "-…") + "»).");
      }
    }
    served(provider.get("serves"));
    languages(provider, "languages", true);
    Integer capacity = count(provider, "capacity");
    Integer placesFree = count(provider, "placesFree");
    if (services.contains("shelter") && (capacity == null || placesFree == null)) {
      problem(capacity == null ? "capacity" : "placesFree", "Un albergue indica su capacidad y sus plazas libres.");
    }
    if (capacity != null && placesFree != null && placesFree > capacity) {
      problem("placesFree", "No puede haber más plazas libres (" + placesFree + ") que la capacidad (" + capacity + ").");
    }
    contacts(provider.get("contacts"));
  }

  private void served(JsonNode serves) {
    if (serves == null || !serves.isObject()) {
      problem("serves", "Indique a quién atiende: ageGroups, sexes (y, si aplica, lgbtqi, indigenousLanguages, disabilityAccess).");
      return;
    }
    serves.fieldNames().forEachRemaining(name -> {
      if (!SERVED.contains(name)) {
        problem("serves." + name, "Campo desconocido.");
      }
    });
    codes(serves, "serves.", "ageGroups", ProviderCodes.AGE_GROUPS, true);
    codes(serves, "serves.", "sexes", ProviderCodes.SEXES, true);
    bool(serves, "serves.", "lgbtqi");
    bool(serves, "serves.", "disabilityAccess");
    languages(serves, "serves.", "indigenousLanguages", false);
  }

  private void contacts(JsonNode contacts) {
    if (contacts == null || !contacts.isObject()) {
      problem("contacts", "Indique cómo la contactan las instituciones: al menos un teléfono o un correo.");
      return;
    }
    contacts.fieldNames().forEachRemaining(name -> {
      if (!CONTACTS.contains(name)) {
        problem("contacts." + name, "Campo desconocido.");
      }
    });
    String phone = text(contacts, "contacts.", "phone", 40, false);
    String email = text(contacts, "contacts.", "email", 200, false);
    text(contacts, "contacts.", "address", 300, false);
    text(contacts, "contacts.", "hours", 200, false);
    bool(contacts, "contacts.", "forPersons");
    if (email != null && !EMAIL.matcher(email).matches()) {
      problem("contacts.email", "Correo electrónico no válido.");
    }
    if (phone == null && email == null) {
      problem("contacts", "Indique al menos un teléfono o un correo.");
    }
  }

  private String text(JsonNode node, String field, int maxLength, boolean required) {
    return text(node, "", field, maxLength, required);
  }

  private String text(JsonNode node, String prefix, String field, int maxLength, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      if (required) {
        problem(prefix + field, "Obligatorio.");
      }
      return null;
    }
    if (!value.isTextual()) {
      problem(prefix + field, "Debe ser un texto.");
      return null;
    }
    if (value.asText().length() > maxLength) {
      problem(prefix + field, "A lo sumo " + maxLength + " caracteres.");
      return null;
    }
    return value.asText().strip();
  }

  private void code(JsonNode node, String field, Map<String, String> codes, boolean required) {
    String value = text(node, field, 32, required);
    if (value != null && !codes.containsKey(value)) {
      problem(field, "Valor no válido; use uno de: " + String.join(", ", codes.keySet()) + ".");
    }
  }

  private List<String> codes(JsonNode node, String field, Map<String, String> codes, boolean required) {
    return codes(node, "", field, codes, required);
  }

  private List<String> codes(JsonNode node, String prefix, String field, Map<String, String> codes, boolean required) {
    List<String> values = list(node, prefix, field, codes.size(), required);
    for (int i = 0; i < values.size(); i++) {
      if (!codes.containsKey(values.get(i))) {
        problem(prefix + field + "[" + i + "]", "«" + values.get(i) + "» no es válido; use: " + String.join(", ", codes.keySet()) + ".");
      }
    }
    return values;
  }

  private void languages(JsonNode node, String field, boolean required) {
    languages(node, "", field, required);
  }

  private void languages(JsonNode node, String prefix, String field, boolean required) {
    List<String> values = list(node, prefix, field, 30, required);
    for (int i = 0; i < values.size(); i++) {
      if (!LANGUAGE.matcher(values.get(i)).matches()) {
        problem(prefix + field + "[" + i + "]", "Use un código ISO 639 de dos o tres letras minúsculas (p. ej. «es», «quc»).");
      }
    }
  }

  private List<String> list(JsonNode node, String field, int maxItems, boolean required) {
    return list(node, "", field, maxItems, required);
  }

  private List<String> list(JsonNode node, String prefix, String field, int maxItems, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        problem(prefix + field, "Obligatorio: al menos un valor.");
      }
      return List.of();
    }
    if (!value.isArray()) {
      problem(prefix + field, "Debe ser una lista.");
      return List.of();
    }
    if (required && value.isEmpty()) {
      problem(prefix + field, "Obligatorio: al menos un valor.");
    }
    if (value.size() > maxItems) {
      problem(prefix + field, "A lo sumo " + maxItems + " valores.");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        problem(prefix + field + "[" + i + "]", "Debe ser un texto.");
      } else if (!seen.add(value.get(i).asText())) {
        problem(prefix + field + "[" + i + "]", "Repetido.");
      } else {
        values.add(value.get(i).asText());
      }
    }
    return values;
  }

  private void bool(JsonNode node, String prefix, String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull() && !value.isBoolean()) {
      problem(prefix + field, "Debe ser true o false.");
    }
  }

  private Integer count(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 100_000) {
      problem(field, "Debe ser un número entero entre 0 y 100000.");
      return null;
    }
    return value.asInt();
  }

  private void problem(String field, String message) {
    problems.add(new ApiError.Field(field, message));
  }
}
