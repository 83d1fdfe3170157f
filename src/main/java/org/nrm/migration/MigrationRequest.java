package org.nrm.migration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nrm.modelchanges.ModelChange;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;

/**
 * What an analyst asks to move: the running version (by definition id, or by process key and
 * version), the version to move to (the latest of the key when left out), the elements renamed or
 * moved ({@code mappings}: from the old id to the new one) and why ({@code comment}, required to
 * migrate). Read from JSON with every field checked; a Spanish 400 naming each field otherwise.
 */
public record MigrationRequest(String sourceDefinitionId, String processKey, Integer sourceVersion, String targetDefinitionId,
    List<Mapping> mappings, String comment) {

  /** An element of the running version and the element of the new one its cases move to. */
  public record Mapping(String from, String to, boolean updateEventTrigger) {}

  public static final int MAX_BYTES = 64 * 1024;
  static final int MAX_MAPPINGS = 200;
  static final int MAX_ID = 255;
  static final int MAX_COMMENT = 2000;

  private static final ObjectMapper STRICT_JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> FIELDS = Set.of("sourceDefinitionId", "processKey", "sourceVersion", "targetDefinitionId",
      "mappings", "comment");
  private static final Set<String> MAPPING_FIELDS = Set.of("from", "to", "updateEventTrigger");

  /** The request in a body; {@code refusal} is the error every refused request answers with. */
  public static MigrationRequest read(byte[] body, boolean commentRequired, String refusal) {
    JsonNode json;
    try {
      json = STRICT_JSON.readTree(body);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException parsing ? " (" + parsing.getOriginalMessage() + ")" : "";
      throw ApiException.badRequest(ApiError.withField(refusal, "", "el cuerpo no es JSON válido" + reason));
    }
    if (json == null || !json.isObject()) {
      throw ApiException.badRequest(ApiError.withField(refusal, "", "envíe un objeto JSON"));
    }
    FieldErrors errors = new FieldErrors();
    unknownFields(json, FIELDS, "", errors);
    MigrationRequest request = new MigrationRequest(id(json, "sourceDefinitionId", errors), id(json, "processKey", errors),
        version(json, errors), id(json, "targetDefinitionId", errors), mappings(json, errors), comment(json, commentRequired, errors));
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(ApiError.withFields(refusal, errors.list()));
    }
    return request;
  }

  /** The request as the record of a migration keeps it. */
  Map<String, Object> asked() {
    Map<String, Object> asked = new LinkedHashMap<>();
    asked.put("sourceDefinitionId", sourceDefinitionId);
    asked.put("processKey", processKey);
    asked.put("sourceVersion", sourceVersion);
    asked.put("targetDefinitionId", targetDefinitionId);
    asked.put("mappings", mappings);
    return asked;
  }

  private static String id(JsonNode json, String field, FieldErrors errors) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      errors.add(field, "debe ser un texto no vacío");
      return null;
    }
    if (value.asText().length() > MAX_ID) {
      errors.add(field, "no puede tener más de " + MAX_ID + " caracteres");
      return null;
    }
    return value.asText().strip();
  }

  private static Integer version(JsonNode json, FieldErrors errors) {
    JsonNode value = json.get("sourceVersion");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
      errors.add("sourceVersion", "debe ser un número de versión entero, 1 o mayor");
      return null;
    }
    return value.asInt();
  }

  private static List<Mapping> mappings(JsonNode json, FieldErrors errors) {
    JsonNode value = json.get("mappings");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      errors.add("mappings", "debe ser una lista de correspondencias {\"from\": …, \"to\": …}");
      return List.of();
    }
    if (value.size() > MAX_MAPPINGS) {
      errors.add("mappings", "no puede tener más de " + MAX_MAPPINGS + " correspondencias");
      return List.of();
    }
    List<Mapping> mappings = new ArrayList<>();
    Map<String, Integer> sources = new LinkedHashMap<>();
    for (int i = 0; i < value.size(); i++) {
      String path = "mappings[" + i + "]";
      JsonNode mapping = value.get(i);
      if (!mapping.isObject()) {
        errors.add(path, "debe ser un objeto {\"from\": …, \"to\": …}");
        continue;
      }
      unknownFields(mapping, MAPPING_FIELDS, path + ".", errors);
      String from = id(mapping, "from", errors.under(path + "."));
      String to = id(mapping, "to", errors.under(path + "."));
      if (from == null && !mapping.hasNonNull("from")) {
        errors.add(path + ".from", "falta: el id del elemento en la versión en curso");
      }
      if (to == null && !mapping.hasNonNull("to")) {
        errors.add(path + ".to", "falta: el id del elemento en la versión nueva");
      }
      JsonNode update = mapping.get("updateEventTrigger");
      if (update != null && !update.isNull() && !update.isBoolean()) {
        errors.add(path + ".updateEventTrigger", "debe ser true o false");
      }
      if (from != null && sources.containsKey(from)) {
        errors.add(path + ".from", "«" + from + "» ya tiene una correspondencia en mappings[" + sources.get(from) + "]");
      } else if (from != null) {
        sources.put(from, i);
      }
      if (from != null && to != null) {
        mappings.add(new Mapping(from, to, update != null && update.asBoolean(false)));
      }
    }
    return List.copyOf(mappings);
  }

  private static String comment(JsonNode json, boolean required, FieldErrors errors) {
    JsonNode value = json.get("comment");
    String comment = value == null || value.isNull() || !value.isTextual() ? null : value.asText().strip();
    if (value != null && !value.isNull() && !value.isTextual()) {
      errors.add("comment", "debe ser un texto");
    } else if (comment != null && comment.length() > MAX_COMMENT) {
      errors.add("comment", "no puede tener más de " + MAX_COMMENT + " caracteres");
    } else if (required && (comment == null || comment.length() < ModelChange.MIN_REASON_LENGTH)) {
      errors.add("comment", "falta: diga por qué se mueven los casos (al menos " + ModelChange.MIN_REASON_LENGTH + " caracteres; p. ej. el nombre"
          + " del despliegue de la versión nueva)");
    }
    return comment == null || comment.length() > MAX_COMMENT ? null : comment;
  }

  private static void unknownFields(JsonNode json, Set<String> known, String prefix, FieldErrors errors) {
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        errors.add(prefix + shown.replaceAll("\\p{Cntrl}", "\uFFFD"), "campo desconocido; los campos son: " + String.join(", ",
            known.stream().sorted().toList()));
      }
    }
  }
}
