package org.nrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nrm.rules.CaseDecisionService;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/** One error shape for the whole /api, in Spanish, whatever went wrong and where; never internals. */
@NrmIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsIntegrationTest {

  private static final String REFERENCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired CaseDecisionService decisions;

  @ParameterizedTest
  @ValueSource(strings = {FailingEndpoints.IN_A_CONTROLLER, FailingEndpoints.BEFORE_ANY_CONTROLLER})
  void anUnexpectedErrorAnswersInSpanishWithAReferenceThatTheLogHasWithTheStackTrace(String path, CapturedOutput log)
      throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo").getForEntity(path, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode body = json.readTree(response.getBody());
    String reference = body.get("reference").asText();
    assertThat(reference).matches(REFERENCE);
    assertThat(body.get("error").asText()).startsWith("Error inesperado del servidor").contains(reference);
    assertThat(response.getBody()).doesNotContain("select", "nrm_identity", "IllegalStateException", "org.nrm", "java.", "trace",
        "Internal Server Error");
    String logged = log.getAll().substring(log.getAll().indexOf("reference " + reference));
    assertThat(logged).as("the log line of the reference, with the stack trace")
        .contains(path, "java.lang.IllegalStateException: " + FailingEndpoints.INTERNALS, "at org.nrm.web.FailingEndpoints$");
  }

  @Test
  void aBrowserGetsTheSameJsonForAnUnexpectedError() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));

    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo").exchange(FailingEndpoints.BEFORE_ANY_CONTROLLER,
        HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(json.readTree(response.getBody()).get("reference").asText()).matches(REFERENCE);
  }

  @Test
  void anUnknownApiPathIsA404InSpanish() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo").getForEntity("/api/no-such-thing", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(response.getBody()).get("error").asText()).isEqualTo("No existe este recurso de la API.");
  }

  @Test
  void anUnknownApiPathNeedsCredentialsFirst() {
    assertThat(rest.getForEntity("/api/no-such-thing", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongMethodIsA405InSpanishWithTheAllowedOnes() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("police.cr", "demo")
        .exchange("/api/cases", HttpMethod.DELETE, null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(response.getHeaders().getAllow()).contains(HttpMethod.POST);
    assertThat(json.readTree(response.getBody()).get("error").asText()).isEqualTo("Este recurso no admite el método DELETE; use POST.");
  }

  @Test
  void outsideTheApiSpringBootsErrorsAreUnchanged() {
    ResponseEntity<String> response = rest.getForEntity("/actuator/no-such-thing", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).contains("\"status\":404").doesNotContain("No existe este recurso de la API");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/cases/%s", "/api/cases/%s/identity"})
  void malformedCaseNumbersAre400InSpanish(String path) throws Exception {
    for (String caseId : List.of("A".repeat(10_000), "CR%01-2026", "CR%00-2026", "CR-2026-000001%0A", "%E2%80%AE1000-6202-RC",
        "..%2F..%2Fetc")) {
      ResponseEntity<String> response = rest.withBasicAuth("coordination.cr", "demo")
          .exchange(RequestEntity.get(URI.create(rest.getRootUri() + path.formatted(caseId))).build(), String.class);

      assertThat(response.getStatusCode()).as(caseId).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode body = json.readTree(response.getBody());
      assertThat(body.get("error").asText()).as(caseId).contains("no es válid").doesNotContain(caseId);
    }
  }

  @Test
  void hostileRuleSetUploadsAre400InSpanishAndTheRulesStay() throws Exception {
    String before = decisions.active().version();
    byte[] bomb = zip("screening/a.drl", new byte[50 * 1024 * 1024]);
    ByteArrayOutputStream manyEntries = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(manyEntries)) {
      for (int i = 0; i < 600; i++) {
        out.putNextEntry(new ZipEntry("folder" + i + "/"));
        out.closeEntry();
      }
    }

    assertRefused(new byte[0], "application/zip", "", "no contiene archivos");
    assertRefused("not a zip".getBytes(), "application/zip", "", "no contiene archivos");
    assertRefused(new byte[6 * 1024 * 1024], "application/zip", "", "no puede tener más de 5 MiB");
    assertRefused(bomb, "application/zip", "", "descomprimido no puede pasar de 5 MiB");
    assertRefused(manyEntries.toByteArray(), "application/zip", "", "más de 500 entradas");
    assertRefused(zip("../../etc/passwd", "x".getBytes()), "application/zip", "", "ruta no permitida");
    assertRefused("{}".getBytes(), "application/json", "Content-Type", "debe ser application/zip");
    assertThat(decisions.active().version()).isEqualTo(before);
  }

  private void assertRefused(byte[] body, String contentType, String field, String reason) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, contentType);
    ResponseEntity<String> response = rest.withBasicAuth("analysts.cr", "demo")
        .postForEntity("/api/rule-sets?comment=Prueba de errores de la API", new HttpEntity<>(body, headers), String.class);

    assertThat(response.getStatusCode()).as(reason).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode error = json.readTree(response.getBody());
    assertThat(error.at("/fields/0/field").asText()).as(reason).isEqualTo(field);
    assertThat(error.at("/fields/0/message").asText()).as(reason).contains(reason);
  }

  private static byte[] zip(String path, byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(path));
      out.write(content);
      out.closeEntry();
    }
    return bytes.toByteArray();
  }
}
