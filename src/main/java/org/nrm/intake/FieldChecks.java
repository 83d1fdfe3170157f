package org.nrm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nrm.intake.IntakeValidator.FieldError;

/**
 * Checks of JSON fields against value sets and types, each failure a Spanish message for the
 * field's path; what passes is copied, with defaults, into {@link #clean()}.
 */
final class FieldChecks {

  private final List<FieldError> errors = new ArrayList<>();
  private final ObjectNode clean = JsonNodeFactory.instance.objectNode();

  List<FieldError> errors() {
    return errors;
  }

  ObjectNode clean() {
    return clean;
  }

  void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  ObjectNode flags(JsonNode node, String path, List<String> flags, List<String> otherFields) {
    ObjectNode cleanFlags = clean.putObject(path);
    if (missing(node)) {
      flags.forEach(flag -> cleanFlags.put(flag, false));
      return cleanFlags;
    }
    if (!node.isObject()) {
      error(path, "debe ser un objeto con los campos " + String.join(", ", flags));
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
        error(path + "." + flag, "debe ser true o false");
      } else {
        cleanFlags.put(flag, value.asBoolean());
      }
    }
    return cleanFlags;
  }
  String code(JsonNode body, String name, String path, List<String> values, boolean required, String absent) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      if (required) {
        error(path, "es obligatorio; valores: " + String.join(", ", values));
      } else if (absent != null) {
        clean.put(name, absent);
      }
      return absent;
    }
    if (!node.isTextual() || !values.contains(node.asText())) {
      error(path, "«" + node.asText() + "» no es un código válido; valores: " + String.join(", ", values));
      return null;
    }
    clean.put(name, node.asText());
    return node.asText();
  }
  void text(JsonNode body, String name, boolean required) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      if (required) {
        error(name, "es obligatorio");
      }
    } else if (!node.isTextual()) {
      error(name, "debe ser texto");
    } else {
      clean.put(name, node.asText());
    }
  }
  Integer integer(JsonNode body, String name, int min, int max) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      clean.putNull(name);
      return null;
    }
    if (!node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
      error(name, "debe ser un número entero entre " + min + " y " + max);
      return null;
    }
    clean.put(name, node.asInt());
    return node.asInt();
  }
  boolean bool(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (missing(node)) {
      clean.put(name, false);
      return false;
    }
    if (!node.isBoolean()) {
      error(name, "debe ser true o false");
      return false;
    }
    clean.put(name, node.asBoolean());
    return node.asBoolean();
  }
  void list(JsonNode body, String name, List<String> values, Pattern pattern, String patternText) {
    JsonNode node = body.get(name);
    var cleanList = clean.putArray(name);
    if (missing(node)) {
      return;
    }
    if (!node.isArray()) {
      error(name, "debe ser una lista");
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String text = item.asText();
      boolean valid = item.isTextual() && (values != null ? values.contains(text) : pattern.matcher(text).matches());
      if (!valid) {
        error(name + "[" + i + "]", values != null
            ? "«" + text + "» no es un código válido; valores: " + String.join(", ", values)
            : "«" + text + "» no es válido; debe ser " + patternText);
      } else if (seen.add(text)) {
        cleanList.add(text);
      }
    }
  }
  void unknownFields(JsonNode node, String prefix, List<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        error(prefix + name, "campo desconocido");
      }
    }
  }
  static boolean missing(JsonNode node) {
    return node == null || node.isNull();
  }
}
