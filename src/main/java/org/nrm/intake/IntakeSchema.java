package org.nrm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The intake's JSON Schema ({@value #RESOURCE}): the codes, bounds and required fields of the
 * single interview, in one file that the validator checks every intake against and that the
 * OpenAPI description publishes. Loaded and compiled once; the compiled schema is thread-safe.
 */
public final class IntakeSchema {

  public static final String RESOURCE = "api/intake.schema.json";

  private static final JsonNode DOCUMENT = read();
  private static final Schema COMPILED = compile(DOCUMENT);

  private IntakeSchema() {}

  /** A copy of the schema document, e.g. for the API description. */
  public static ObjectNode document() {
    return (ObjectNode) DOCUMENT.deepCopy();
  }

  /** The schema (or sub-schema) at a JSON pointer of the document; missing when there is none. */
  static JsonNode at(String pointer) {
    return DOCUMENT.at(pointer);
  }

  static List<Error> errors(JsonNode intake) {
    return COMPILED.validate(intake);
  }

  /**
   * The value with JSON nulls taken out of its objects: Tasklist submits an empty field as null,
   * and an intake means the same by null and by leaving a field out.
   */
  static JsonNode withoutNulls(JsonNode value) {
    if (!value.isObject()) {
      return value;
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    value.fields().forEachRemaining(field -> {
      if (!field.getValue().isNull()) {
        copy.set(field.getKey(), withoutNulls(field.getValue()));
      }
    });
    return copy;
  }

  /**
   * The value with every list and text longer than the schema allows cut to one past its bound,
   * for validation: the bound's error is the same, and a list of 200,000 entries costs no more
   * than one of 21 (each entry would get an error of its own otherwise).
   */
  static JsonNode cutToBounds(JsonNode value) {
    return cutToBounds(value, DOCUMENT);
  }

  private static JsonNode cutToBounds(JsonNode value, JsonNode schema) {
    if (value.isObject() && schema.path("properties").isObject()) {
      ObjectNode cut = JsonNodeFactory.instance.objectNode();
      value.fields().forEachRemaining(field -> cut.set(field.getKey(),
          cutToBounds(field.getValue(), schema.path("properties").path(field.getKey()))));
      return cut;
    }
    if (value.isArray()) {
      int keep = schema.has("maxItems") ? Math.min(value.size(), schema.get("maxItems").asInt() + 1) : value.size();
      ArrayNode cut = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < keep; i++) {
        cut.add(cutToBounds(value.get(i), schema.path("items")));
      }
      return cut;
    }
    if (value.isTextual() && schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt() + 1) {
      String text = value.asText();
      int codePoints = Math.min(text.codePointCount(0, text.length()), schema.get("maxLength").asInt() + 1);
      return JsonNodeFactory.instance.textNode(text.substring(0, text.offsetByCodePoints(0, codePoints)));
    }
    return value;
  }

  /**
   * A valid intake with the schema's {@code default} of every absent field filled in, object by
   * object (JSON Schema states defaults but a validator does not apply them), and numbers as the
   * schema's types: an {@code integer} sent as {@code 15.0} becomes {@code 15}.
   */
  static ObjectNode withDefaults(JsonNode valid) {
    return (ObjectNode) withDefaults(valid, DOCUMENT);
  }

  private static JsonNode withDefaults(JsonNode value, JsonNode schema) {
    JsonNode properties = schema.path("properties");
    if (value.isObject() && properties.isObject()) {
      ObjectNode filled = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> property = fields.next();
        JsonNode given = value.get(property.getKey());
        JsonNode field = given != null ? given : property.getValue().get("default");
        if (field != null) {
          filled.set(property.getKey(), withDefaults(field.deepCopy(), property.getValue()));
        }
      }
      return filled;
    }
    if (value.isNumber() && "integer".equals(schema.path("type").asText())) {
      return JsonNodeFactory.instance.numberNode(value.asInt());
    }
    if (value.isNumber() && "number".equals(schema.path("type").asText())) {
      return JsonNodeFactory.instance.numberNode(value.asDouble());
    }
    return value;
  }

  private static JsonNode read() {
    try (InputStream in = IntakeSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The intake schema " + RESOURCE + " is not on the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema compile(JsonNode document) {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(document);
    schema.initializeValidators();
    return schema;
  }
}
