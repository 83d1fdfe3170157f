package org.nrm.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nrm.engine.VariableJson;

/**
 * Reads the case from process variables named as in the data dictionary: intake fields become
 * {@link CaseFacts}, earlier decisions become {@link CaseDecisions}. Lists and objects may be JSON
 * (Spin) variables, Java collections or maps.
 */
final class CaseVariables {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private CaseVariables() {}

  static CaseFacts facts(Map<String, Object> variables) {
    try {
      return JSON.treeToValue(tree(variables), CaseFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The case variables do not match the data dictionary: " + e.getOriginalMessage(), e);
    }
  }

  static CaseDecisions priorDecisions(Map<String, Object> variables) {
    ObjectNode tree = tree(variables);
    return new CaseDecisions(
        text(tree, "classification"), bool(tree, "treatAsChild"), text(tree, "iccsCode"), text(tree, "riskLevel"),
        text(tree, "returnRiskLevel"),
        bool(tree, "consularNotificationAllowed"), texts(tree, "consularNotificationBlockedBy"),
        bool(tree, "repatriationAllowed"), texts(tree, "repatriationBlockedBy"),
        bool(tree, "returnTravelAllowed"), texts(tree, "returnTravelBlockedBy"),
        List.of(), List.of(), null);
  }

  private static ObjectNode tree(Map<String, Object> variables) {
    return VariableJson.of(variables, name -> true);
  }

  private static String text(ObjectNode tree, String name) {
    JsonNode node = tree.get(name);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Boolean bool(ObjectNode tree, String name) {
    JsonNode node = tree.get(name);
    return node == null || node.isNull() ? null : node.asBoolean();
  }

  private static List<String> texts(ObjectNode tree, String name) {
    List<String> texts = new ArrayList<>();
    JsonNode node = tree.get(name);
    if (node != null && node.isArray()) {
      node.forEach(item -> texts.add(item.asText()));
    }
    return texts;
  }
}
