package org.nrm.repatriation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The other deployment's engine REST API, {@code POST /message}, called with this deployment's
 * account there: the same message, variables typed as Camunda's REST API expects them.
 */
final class EngineRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient client;

  EngineRestClient(HandoverProperties.RemoteMechanism remote) {
    this.client = RestClient.builder()
        .baseUrl(remote.engineRestUrl())
        .defaultHeaders(headers -> headers.setBasicAuth(remote.user(), remote.password()))
        .build();
  }

  CrossBorderMessenger.Delivery correlate(CrossBorderMessage message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messageName", message.name());
    if (message.startsCase()) {
      body.put("withoutTenantId", true);
    } else {
      body.put("tenantId", message.jurisdiction());
    }
    if (message.businessKey() != null) {
      body.put("businessKey", message.businessKey());
    }
    if (message.referredFromCase() != null) {
      body.put("correlationKeys", Map.of(RepatriationProtocol.REFERRED_FROM_CASE, typed(message.referredFromCase())));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    message.variables().forEach((name, value) -> variables.put(name, typed(value)));
    body.put("processVariables", variables);
    body.put("resultEnabled", true);
    try {
      JsonNode results = client.post().uri("/message").contentType(MediaType.APPLICATION_JSON).body(body)
          .retrieve().body(JsonNode.class);
      return new CrossBorderMessenger.Delivery(startedCase(results));
    } catch (RestClientResponseException e) {
      Optional<String> received = alreadyReceived(e);
      if (received.isPresent()) {
        // a retry after the first answer was lost on the way, or a message resent: the other side has it
        return new CrossBorderMessenger.Delivery(received);
      }
      throw new IllegalStateException("El mecanismo de " + message.jurisdiction() + " rechazó el mensaje "
          + message.name() + " (HTTP " + e.getStatusCode().value() + "): " + e.getResponseBodyAsString(), e);
    }
  }

  /**
   * The other side's case when it answered that it received this hand-over or this message already
   * (409, {@code HandoverAlreadyReceived} or {@code MessageAlreadyReceived}).
   */
  private static Optional<String> alreadyReceived(RestClientResponseException refusal) {
    if (refusal.getStatusCode().value() != 409) {
      return Optional.empty();
    }
    try {
      JsonNode body = JSON.readTree(refusal.getResponseBodyAsString());
      return Set.of(HandoverAlreadyReceivedException.TYPE, MessageAlreadyReceivedException.TYPE).contains(body.path("type").asText())
          && body.path("caseId").isTextual()
          ? Optional.of(body.get("caseId").asText()) : Optional.empty();
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  private static Optional<String> startedCase(JsonNode results) {
    if (results == null || !results.isArray() || results.isEmpty()) {
      return Optional.empty();
    }
    JsonNode businessKey = results.get(0).path("processInstance").path("businessKey");
    return businessKey.isTextual() ? Optional.of(businessKey.asText()) : Optional.empty();
  }

  /** A variable as the REST API takes it: {@code {"value": ..., "type": "String"}}. */
  private static Map<String, Object> typed(Object value) {
    Object plain = value instanceof TypedValue typedValue ? typedValue.getValue() : value;
    if (plain instanceof SpinJsonNode json) {
      return Map.of("value", json.toString(), "type", "Json");
    }
    if (plain instanceof Collection<?> || plain instanceof Map<?, ?>) {
      // a list a form submitted as a Java object (e.g. a checklist): JSON on the wire
      try {
        return Map.of("value", JSON.writeValueAsString(plain), "type", "Json");
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Cannot write " + plain + " as JSON", e);
      }
    }
    if (plain instanceof Boolean) {
      return Map.of("value", plain, "type", "Boolean");
    }
    if (plain instanceof Integer) {
      return Map.of("value", plain, "type", "Integer");
    }
    if (plain instanceof String || plain == null) {
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("value", plain);
      text.put("type", "String");
      return text;
    }
    throw new IllegalArgumentException("A cross-border message carries text, yes/no, numbers or JSON, not "
        + plain.getClass().getSimpleName());
  }
}
