package org.nrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nrm.intake.IntakeSchema;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI description of /api: for authenticated users, complete, and stating what the validator enforces. */
@NrmIntegrationTest
class ApiDescriptionIntegrationTest {

  /** The keywords by which the intake schema refuses an intake. */
  private static final Set<String> BOUNDS = Set.of("type", "required", "additionalProperties", "enum", "const", "pattern",
      "maxLength", "minLength", "maxItems", "minItems", "uniqueItems", "minimum", "maximum", "not", "if", "then");

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void theDescriptionAndItsUiNeedCredentials() {
    for (String path : List.of("/api/openapi.json", "/api/docs", "/api/swagger-ui/index.html")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // springdoc's default paths are not served
    for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED);
    }
  }

  @Test
  void theUiIsBrowsableAndReadsTheDescription() throws Exception {
    TestRestTemplate police = rest.withBasicAuth("police.cr", "demo");

    // /api/docs redirects to the UI, which stays under /api
    assertThat(police.getForEntity("/api/docs", String.class).getBody()).contains("swagger-ui");
    assertThat(police.getForEntity("/api/swagger-ui/index.html", String.class).getBody()).contains("swagger-ui");
    assertThat(json.readTree(police.getForEntity("/api/openapi.json/swagger-config", String.class).getBody()).get("url").asText())
        .isEqualTo("/api/openapi.json");
  }

  @Test
  void everyApiEndpointIsDescribed() throws Exception {
    JsonNode paths = description().get("paths");
    Set<String> described = new TreeSet<>();
    paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
    Set<String> served = new TreeSet<>();
    // the product's controllers (springdoc's own serve the description)
    mappings.getHandlerMethods().forEach((mapping, handler) -> mapping.getPatternValues().stream()
        .filter(pattern -> pattern.startsWith("/api/") && handler.getBeanType().getPackageName().startsWith("org.nrm"))
        .forEach(pattern -> mapping.getMethodsCondition().getMethods()
            .forEach(method -> served.add(method.name() + " " + pattern))));

    assertThat(served).contains("POST /api/cases", "GET /api/cases/{caseId}", "GET /api/cases/{caseId}/identity",
        "POST /api/rule-sets", "GET /api/rule-sets/active");
    assertThat(described).containsAll(served);
  }

  @Test
  void theDescriptionStatesEveryBoundTheValidatorEnforces() throws Exception {
    JsonNode published = description().at("/components/schemas/Intake");
    List<String> bounds = new ArrayList<>();
    collectBounds(IntakeSchema.document(), "", bounds);

    assertThat(bounds).hasSizeGreaterThan(100).contains("/properties/genderIdentity/maxLength", "/properties/languages/maxItems",
        "/properties/acts/items/enum", "/properties/detectionPlace/properties/region/not", "/additionalProperties");
    for (String bound : bounds) {
      JsonNode stated = published.at(bound);
      JsonNode enforced = IntakeSchema.document().at(bound);
      assertThat(enforced.isNumber() ? stated.isNumber() && stated.decimalValue().compareTo(enforced.decimalValue()) == 0
          : bound.endsWith("/required") ? asSet(stated).equals(asSet(enforced)) : stated.equals(enforced))
          .as("%s: the validator enforces %s, the description states %s", bound, enforced, stated).isTrue();
    }
  }

  @Test
  void everyExampleIsAcceptedAndOpensACase() throws Exception {
    JsonNode examples = description().at("/paths/~1api~1cases/post/requestBody/content/application~1json/examples");
    assertThat(examples.size()).isGreaterThanOrEqualTo(3);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    for (Map.Entry<String, JsonNode> example : (Iterable<Map.Entry<String, JsonNode>>) examples::fields) {
      ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo").postForEntity("/api/cases",
          new HttpEntity<>(example.getValue().get("value").toString(), headers), String.class);

      assertThat(response.getStatusCode()).as(example.getKey() + ": " + response.getBody()).isEqualTo(HttpStatus.CREATED);
      assertThat(json.readTree(response.getBody()).get("caseId").asText()).startsWith("CR-");
    }
  }

  @Test
  void theErrorShapeIsDescribedForEveryOperation() throws Exception {
    JsonNode description = description();

    assertThat(description.at("/components/schemas/ApiError/properties").fieldNames()).toIterable()
        .containsExactly("error", "fields", "details", "reference");
    description.get("paths").forEach(path -> path.forEach(operation -> {
      assertThat(operation.at("/responses/400/content/application~1json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/ApiError");
      assertThat(operation.at("/responses/500/content/application~1json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/ApiError");
    }));
  }

  private JsonNode description() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo").getForEntity("/api/openapi.json", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode description = json.readTree(response.getBody());
    assertThat(description.get("openapi").asText()).startsWith("3.1");
    return description;
  }

  /** The names of a list in which order does not matter. */
  private static Set<String> asSet(JsonNode names) {
    Set<String> set = new TreeSet<>();
    names.forEach(name -> set.add(name.asText()));
    return set;
  }

  /** The JSON pointer of every bound keyword in a schema. */
  private static void collectBounds(JsonNode schema, String pointer, List<String> bounds) {
    if (!schema.isObject()) {
      return;
    }
    schema.fields().forEachRemaining(keyword -> {
      String at = pointer + "/" + keyword.getKey().replace("~", "~0").replace("/", "~1");
      if (BOUNDS.contains(keyword.getKey()) && !pointer.endsWith("/properties")) {
        bounds.add(at);
      }
      if (keyword.getValue().isObject()) {
        collectBounds(keyword.getValue(), at, bounds);
      }
    });
  }
}
