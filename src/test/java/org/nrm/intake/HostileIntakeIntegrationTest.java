package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * POST /api/cases with hostile or merely broken input: each is a 400 that names the field with a
 * Spanish reason, and nothing is stored (no case, no case number used, no identity, no
 * idempotency record).
 */
@NrmIntegrationTest
class HostileIntakeIntegrationTest {

  /** Escapes what is not ASCII, so that a lone surrogate reaches the server as sent. */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final String APPLICATION_JSON = "application/json";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  /** A request: its body (bytes, as sent) and content type. */
  record Hostile(byte[] body, String contentType) {
    @Override
    public String toString() {
      return body.length + " bytes of " + contentType;
    }
  }

  static Stream<Arguments> hostileIntakes() {
    return Stream.of(
        row("a 5-million-character genderIdentity", "genderIdentity", intake(i -> i.put("genderIdentity", "x".repeat(5_000_000)))),
        row("a 201-character genderIdentity", "genderIdentity", intake(i -> i.put("genderIdentity", "x".repeat(201)))),
        row("a 200,000-entry languages list", "languages", intake(i -> fill(i.putArray("languages"), 200_000, "es"))),
        row("21 distinct languages", "languages", intake(i -> {
          ArrayNode languages = i.putArray("languages");
          "abcdefghijklmnopqrstu".chars().forEach(c -> languages.add("e" + (char) c));
        })),
        row("a region with a NUL", "detectionPlace.region", intake(i -> place(i).put("region", "Lim\u0000ón"))),
        row("a region with a lone surrogate", "detectionPlace.region", intake(i -> place(i).put("region", "Limón \uD800"))),
        row("a region with a NUL and a lone surrogate", "detectionPlace.region", intake(i -> place(i).put("region", "\u0000\uDFFF"))),
        row("a given name with a line break", "identity.givenNames", intake(i -> i.with("identity").put("givenNames", "Ana\nMaría"))),
        row("an address with a C1 control", "identity.address", intake(i -> i.with("identity").put("address", "Calle 1\u009B"))),
        row("a family name too long for the vault", "identity.familyNames", intake(i -> i.with("identity").put("familyNames", "ñ".repeat(201)))),
        row("a duplicated act", "acts", intake(i -> i.putArray("acts").add("recruitment").add("recruitment"))),
        row("a language that is not a code", "languages[0]", intake(i -> i.putArray("languages").add("español"))),
        row("a purpose that is not a code", "purposes[0]", intake(i -> i.putArray("purposes").add("sexual exploitation"))),
        row("a list of objects for risk factors", "riskFactors[0]", intake(i -> i.putArray("riskFactors").addObject())),
        row("an unknown field", "victimName", intake(i -> i.put("victimName", "Ana"))),
        row("an unknown field in needs", "needs.food", intake(i -> i.with("needs").put("food", true))),
        row("an age of 12345678901234567890", "ageYears", raw(minimal().replace("\"ageYears\":15", "\"ageYears\":12345678901234567890"))),
        row("an age of 1e400", "ageYears", raw(minimal().replace("\"ageYears\":15", "\"ageYears\":1e400"))),
        row("a latitude of 1e400", "detectionPlace.lat", raw(minimal().replace("\"country\":\"CR\"", "\"country\":\"CR\",\"lat\":1e400"))),
        row("a 50-digit number", "ageYears", raw(minimal().replace("\"ageYears\":15", "\"ageYears\":" + "9".repeat(50)))),
        row("an age as text", "ageYears", intake(i -> i.put("ageYears", "15"))),
        row("a boolean as text", "possiblyMinor", intake(i -> i.put("possiblyMinor", "true"))),
        row("needs as a list", "needs", intake(i -> i.putArray("needs"))),
        row("a jurisdiction as a number", "jurisdiction", intake(i -> i.put("jurisdiction", 506))),
        row("a duplicated key", "sex", raw(minimal().replaceFirst("\\{", "{\"sex\":\"male\","))),
        row("a duplicated key in an object", "detectionPlace.country",
            raw(minimal().replace("\"country\":\"CR\"", "\"country\":\"CR\",\"country\":\"GT\""))),
        row("objects nested 1,000 deep", "needs", raw(minimal().replaceFirst("\\{", "{\"needs\":" + "[".repeat(1000) + "]".repeat(1000) + ","))),
        row("an empty body", "", new Hostile(new byte[0], APPLICATION_JSON)),
        row("a JSON array", "", raw("[" + minimal() + "]")),
        row("a JSON string", "", raw("\"CR\"")),
        row("JSON null", "", raw("null")),
        row("two JSON objects", "", raw(minimal() + minimal())),
        row("a truncated object", "", raw(minimal().substring(0, 40))),
        row("bytes that are not UTF-8", "", new Hostile(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, APPLICATION_JSON)),
        row("a form instead of JSON", "Content-Type", new Hostile("jurisdiction=CR".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")),
        row("XML", "Content-Type", new Hostile("<intake/>".getBytes(StandardCharsets.UTF_8), "application/xml")),
        row("plain text holding JSON", "Content-Type", new Hostile(minimal().getBytes(StandardCharsets.UTF_8), "text/plain")),
        row("a detection in the year 20260", "detectedAt", intake(i -> i.put("detectedAt", "20260-11-20T10:30:00-06:00"))),
        row("a detection on 30 February", "detectedAt", intake(i -> i.put("detectedAt", "2026-02-30T10:30:00-06:00"))),
        row("an adult accompanied by a parent", "accompaniedBy", intake(i -> i.put("ageYears", 40).put("accompaniedBy", "parent"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileIntakes")
  void aHostileIntakeIsRefusedNamingTheFieldAndNothingIsStored(String description, String field, Hostile request) throws Exception {
    long[] before = stored();

    ResponseEntity<String> response = post(request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode body = JSON.readTree(response.getBody());
    assertThat(body.get("error").asText()).contains("no se");
    List<String> fields = body.get("fields").findValuesAsText("field");
    assertThat(fields).contains(field);
    String message = body.get("fields").get(fields.indexOf(field)).get("message").asText();
    assertThat(message).isNotBlank().doesNotContain("must", "expected", "found", "Exception", "null");
    assertThat(response.getBody()).doesNotContain("\\u0000", "\\ud800", "\\udfff").hasSizeLessThan(10_000);
    assertThat(stored()).as("cases, identities, idempotency records, case numbers").containsExactly(before);
  }

  /** What an intake stores: cases, identities, idempotency records, numbers used. */
  private long[] stored() {
    return new long[] {
        engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess").count(),
        jdbc.queryForObject("select count(*) from nrm_identity", Long.class),
        jdbc.queryForObject("select count(*) from nrm_intake_request", Long.class),
        jdbc.queryForObject("select coalesce(sum(last_value), 0) from nrm_case_sequence", Long.class)};
  }

  private ResponseEntity<String> post(Hostile request) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
    headers.set("Idempotency-Key", "hostile-" + System.nanoTime());
    return rest.withBasicAuth("police.cr", "demo").postForEntity("/api/cases", new HttpEntity<>(request.body(), headers), String.class);
  }

  private static Arguments row(String description, String field, Hostile request) {
    return Arguments.of(description, field, request);
  }

  private static Hostile intake(java.util.function.Consumer<ObjectNode> change) {
    try {
      ObjectNode intake = (ObjectNode) JSON.readTree(minimal());
      change.accept(intake);
      return new Hostile(JSON.writeValueAsBytes(intake), APPLICATION_JSON);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Hostile raw(String body) {
    return new Hostile(body.getBytes(StandardCharsets.UTF_8), APPLICATION_JSON);
  }

  private static ObjectNode place(ObjectNode intake) {
    return (ObjectNode) intake.get("detectionPlace");
  }

  private static void fill(ArrayNode list, int times, String value) {
    for (int i = 0; i < times; i++) {
      list.add(value);
    }
  }

  /** A valid intake (with identity), as compact JSON. */
  private static String minimal() {
    return "{\"jurisdiction\":\"CR\",\"detectedAt\":\"2026-11-20T10:30:00-06:00\",\"detectionChannel\":\"hotline\","
        + "\"detectionPlace\":{\"country\":\"CR\",\"region\":\"Limón\"},\"sex\":\"female\",\"ageYears\":15,\"nationality\":\"NI\","
        + "\"migrationStatus\":\"irregular\",\"identity\":{\"givenNames\":\"Prueba\"}}";
  }
}
