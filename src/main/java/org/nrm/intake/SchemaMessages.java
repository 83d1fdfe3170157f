package org.nrm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Spanish messages for the intake schema's errors ({@value #RESOURCE}), by keyword and field: the
 * validator library's own messages are English and name schema internals.
 */
final class SchemaMessages {

  static final String RESOURCE = "api/intake-messages.properties";

  /** How much of a value sent is repeated in a message. */
  private static final int ECHOED_CHARACTERS = 40;

  private static final Properties MESSAGES = load();

  private SchemaMessages() {}

  /** The field an error is about, as the API names fields: {@code needs.medicalUrgency}, {@code acts[1]}. */
  static String field(Error error) {
    String field = path(error.getInstanceLocation());
    boolean namesAProperty = error.getProperty() != null
        && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()));
    return namesAProperty ? join(field, error.getProperty()) : field;
  }

  static String message(Error error) {
    String keyword = error.getKeyword();
    String field = field(error);
    JsonNode fieldSchema = fieldSchema(error);
    return switch (keyword) {
      case "required" -> text(fieldSchema.has("enum") && !MESSAGES.containsKey("required." + generic(field))
          ? "required.codes" : "required", field, error, fieldSchema);
      case "type", "minimum", "maximum" -> fieldSchema.has("minimum") && fieldSchema.has("maximum")
          && fieldSchema.path("type").asText().matches("integer|number")
          ? text("range." + fieldSchema.path("type").asText(), field, error, fieldSchema)
          : text("type".equals(keyword) ? "type." + expectedType(error) : keyword, field, error, fieldSchema);
      // a value too long for a field with a format is said as the format's message
      case "maxLength" -> fieldSchema.has("pattern")
          ? text("pattern", field, error, fieldSchema) : text(keyword, field, error, fieldSchema);
      default -> text(MESSAGES.containsKey(keyword) ? keyword : "other", field, error, fieldSchema);
    };
  }

  private static String text(String key, String field, Error error, JsonNode fieldSchema) {
    String specific = key + "." + generic(field);
    String template = MESSAGES.getProperty(specific, MESSAGES.getProperty(key, MESSAGES.getProperty("other")));
    return template
        .replace("{value}", echo(valueOf(error)))
        .replace("{values}", join(fieldSchema.path("enum").isArray() ? fieldSchema.path("enum") : fieldSchema.path("items").path("enum")))
        .replace("{limit}", error.getSchemaNode() == null ? "" : error.getSchemaNode().asText())
        .replace("{min}", fieldSchema.path("minimum").asText())
        .replace("{max}", fieldSchema.path("maximum").asText())
        .replace("{expected}", expectedType(error))
        .replace("{keyword}", error.getKeyword());
  }

  /** The schema of the field the error is about, from where the failing keyword sits in the document. */
  private static JsonNode fieldSchema(Error error) {
    String location = error.getSchemaLocation().getFragment().toString();
    String parent = location.substring(0, Math.max(0, location.lastIndexOf('/')));
    if ("required".equals(error.getKeyword())) {
      return IntakeSchema.at(parent + "/properties/" + error.getProperty().replace("~", "~0").replace("/", "~1"));
    }
    return IntakeSchema.at(parent);
  }

  private static String valueOf(Error error) {
    JsonNode value = error.getInstanceNode();
    if (value == null) {
      return "";
    }
    if ("uniqueItems".equals(error.getKeyword()) && value.isArray()) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : value) {
        if (!seen.add(item)) {
          return item.isTextual() ? item.asText() : item.toString();
        }
      }
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static String expectedType(Error error) {
    return error.getSchemaNode() != null && error.getSchemaNode().isTextual() ? error.getSchemaNode().asText() : "";
  }

  /**
   * A value sent, as a message may repeat it: short, and with control characters and lone
   * surrogates replaced, so that the answer never carries what the intake refuses.
   */
  static String echo(String value) {
    StringBuilder echoed = new StringBuilder();
    value.codePoints().limit(ECHOED_CHARACTERS).forEach(c -> echoed.appendCodePoint(
        Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '\uFFFD' : c));
    return value.codePointCount(0, value.length()) > ECHOED_CHARACTERS ? echoed + "…" : echoed.toString();
  }

  private static String path(NodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Number index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.isEmpty() ? "" : ".").append(element);
      }
    }
    return path.toString();
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static String join(JsonNode values) {
    return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", "));
  }

  /** The field without list indices: {@code languages[3]} is {@code languages[]}. */
  private static String generic(String field) {
    return field.replaceAll("\\[\\d+]", "[]");
  }

  private static Properties load() {
    Properties messages = new Properties();
    try (InputStream in = SchemaMessages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The intake messages " + RESOURCE + " are not on the classpath");
      }
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return messages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
