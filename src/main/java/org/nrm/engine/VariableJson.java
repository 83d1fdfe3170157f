package org.nrm.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.spin.json.SpinJsonNode;

/** Process variables as JSON, whether they are Spin JSON values or plain Java values. */
public final class VariableJson {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private VariableJson() {}

  /** One variable's value; null JSON when it cannot be read as JSON. */
  public static JsonNode of(Object value) {
    if (value == null) {
      return JSON.nullNode();
    }
    try {
      return value instanceof SpinJsonNode spin ? JSON.readTree(spin.toString()) : JSON.valueToTree(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return JSON.nullNode();
    }
  }

  /** The variables whose names pass the filter, as one object. */
  public static ObjectNode of(Map<String, Object> variables, Predicate<String> included) {
    ObjectNode tree = JSON.createObjectNode();
    variables.forEach((name, value) -> {
      if (included.test(name)) {
        tree.set(name, of(value));
      }
    });
    return tree;
  }
}
