package org.nrm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The directory of service providers through {@code /api/providers}: institutions read their
 * jurisdiction's, coordination keeps it (validated, versioned, every change in the history), a
 * refused change changes nothing, and the demo directory is there.
 */
@NrmIntegrationTest
class ProviderDirectoryApiIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void institutionsReadTheDemoDirectoryOfTheirJurisdictionByService() throws Exception {
    JsonNode shelters = get("police.cr", "/api/providers?jurisdiction=CR&service=shelter", 200);
    assertThat(names(shelters)).as("by name; other tests add shelters of their own")
        .containsSubsequence("Albergue Ficticio Amanecer (demo)", "Albergue Ficticio Puerto Seguro (demo)", "Casa Refugio Ficticia Sol (demo)");
    assertThat(shelters.get(0).path("placesFree").asInt()).isEqualTo(3);
    assertThat(shelters.get(0).path("services").toString()).contains("shelter");

    JsonNode refused = get("police.cr", "/api/providers?jurisdiction=GT", 403);
    assertThat(refused.path("error").asText()).isEqualTo("No tiene acceso al directorio de GT.");
    assertThat(get("police.cr", "/api/providers?service=massage", 400).path("fields").get(0).path("field").asText()).isEqualTo("service");

    JsonNode regional = get("coordination.regional", "/api/providers?service=shelter", 200);
    assertThat(regional.findValuesAsText("jurisdiction")).as("a regional coordinator reads both").contains("CR", "GT");
    assertThat(get("police.cr", "/api/providers/codes", 200).path("services").path("family-tracing").asText())
        .isEqualTo("Localización de la familia");
  }

  @Test
  void theShelterThatFitsAGirlInLimonIsOfferedAndTheFullOneSaysWhyNot() throws Exception {
    JsonNode ranked = get("response-team.cr", "/api/providers/ranking?jurisdiction=CR&service=shelter&ageYears=15&sex=female"
        + "&region=CR-L&languages=es", 200);

    assertThat(ranked.path("offered").get(0).path("provider").path("name").asText()).isEqualTo("Albergue Ficticio Amanecer (demo)");
    assertThat(ranked.path("offered").get(0).path("reasons").toString()).contains("Atiende la región de la persona (CR-L).");
    JsonNode full = null;
    for (JsonNode notOffered : ranked.path("notOffered")) {
      if (notOffered.path("provider").path("name").asText().equals("Casa Refugio Ficticia Sol (demo)")) {
        full = notOffered;
      }
    }
    assertThat(full).as("the full shelter for adult women").isNotNull();
    assertThat(full.path("provider").path("name").asText()).isEqualTo("Casa Refugio Ficticia Sol (demo)");
    assertThat(full.path("reasons").toString()).contains("No atiende a adolescentes (12 a 17 años).",
        "Albergue lleno: no tiene plazas libres.");
    assertThat(get("response-team.cr", "/api/providers/ranking?jurisdiction=CR&service=shelter&ageYears=300", 400)
        .path("fields").get(0).path("field").asText()).isEqualTo("ageYears");
  }

  @Test
  void coordinationKeepsAProviderAndEveryVersionIsKept() throws Exception {
    JsonNode created = send("coordination.cr", HttpMethod.POST, "/api/providers", provider("Clínica de prueba Norte"), 201);
    String id = created.path("id").asText();
    assertThat(created.path("version").asInt()).isEqualTo(1);
    assertThat(created.path("active").asBoolean()).isTrue();
    assertThat(created.path("updatedBy").asText()).isEqualTo("coordination.cr");
    assertThat(get("health.cr", "/api/providers/" + id, 200).path("name").asText()).isEqualTo("Clínica de prueba Norte");

    ObjectNode changed = provider("Clínica de prueba Norte");
    changed.put("version", 1).withArray("regions").add("CR-H");
    assertThat(send("coordination.cr", HttpMethod.PUT, "/api/providers/" + id, changed, 200).path("version").asInt()).isEqualTo(2);
    JsonNode stale = send("coordination.cr", HttpMethod.PUT, "/api/providers/" + id, changed, 409);
    assertThat(stale.path("error").asText()).startsWith("Otra persona cambió este prestador");

    assertThat(send("coordination.cr", HttpMethod.POST, "/api/providers/" + id + "/deactivation",
        json.createObjectNode().put("version", 2), 400).path("fields").get(0).path("field").asText()).isEqualTo("reason");
    JsonNode deactivated = send("coordination.cr", HttpMethod.POST, "/api/providers/" + id + "/deactivation",
        json.createObjectNode().put("version", 2).put("reason", "Cerró el servicio"), 200);
    assertThat(deactivated.path("active").asBoolean()).isFalse();
    assertThat(names(get("health.cr", "/api/providers?jurisdiction=CR&service=medical", 200))).doesNotContain("Clínica de prueba Norte");
    assertThat(names(get("health.cr", "/api/providers?jurisdiction=CR&service=medical&inactive=true", 200)))
        .contains("Clínica de prueba Norte");

    JsonNode history = get("coordination.cr", "/api/providers/" + id + "/history", 200);
    assertThat(history.findValuesAsText("action")).containsExactly("created", "updated", "deactivated");
    assertThat(history.get(1).path("provider").path("regions").toString()).contains("CR-H");
    assertThat(history.get(2).path("reason").asText()).isEqualTo("Cerró el servicio");
  }

  @Test
  void aProviderThatIsNotValidIsRefusedWithEveryReasonAndNothingIsStored() throws Exception {
    int before = providers();
    ObjectNode wrong = provider("Albergue sin datos");
    wrong.putArray("services").add("shelter").add("massage");
    wrong.putArray("regions").add("GT-05");
    wrong.put("capacity", 5).put("placesFree", 9).put("colour", "azul");
    wrong.putObject("contacts");

    JsonNode refused = send("coordination.cr", HttpMethod.POST, "/api/providers", wrong, 400);

    assertThat(refused.path("error").asText()).isEqualTo("El prestador no es válido; el directorio no cambió.");
    List<String> fields = refused.path("fields").findValuesAsText("field");
    assertThat(fields).contains("colour", "services[1]", "regions[0]", "placesFree", "contacts");
    assertThat(refused.path("fields").toString()).contains("«GT-05» no es una subdivisión de primer nivel de CR");
    assertThat(providers()).as("nothing stored").isEqualTo(before);
    assertThat(send("coordination.cr", HttpMethod.POST, "/api/providers", "{\"name\": ", 400).path("error").asText())
        .startsWith("El cuerpo no es JSON válido");
  }

  @Test
  void onlyTheJurisdictionsCoordinationAndTheAdministratorsChangeIt() throws Exception {
    assertThat(send("police.cr", HttpMethod.POST, "/api/providers", provider("Intento de la policía"), 403).path("error").asText())
        .contains("lo mantiene su coordinación");
    send("coordination.gt", HttpMethod.POST, "/api/providers", provider("Intento de Guatemala"), 403);
    JsonNode byAdmin = send("admin", HttpMethod.POST, "/api/providers", provider("Registrado por la administración"), 201);
    String gtProvider = get("coordination.gt", "/api/providers?jurisdiction=GT", 200).get(0).path("id").asText();
    assertThat(get("police.cr", "/api/providers/" + gtProvider, 404).path("error").asText()).contains("a su alcance");
    assertThat(get("police.cr", "/api/providers/" + byAdmin.path("id").asText(), 200).path("jurisdiction").asText()).isEqualTo("CR");
  }

  private ObjectNode provider(String name) throws Exception {
    return (ObjectNode) json.readTree("""
        {"jurisdiction": "CR", "name": "%s", "institution": "health", "sector": "public",
         "services": ["medical", "psychological"], "regions": ["CR-A"],
         "serves": {"ageGroups": ["adolescents", "adults"], "sexes": ["female", "male"], "lgbtqi": true,
                    "indigenousLanguages": [], "disabilityAccess": true},
         "languages": ["es"], "contacts": {"phone": "+506 2000 9999", "email": "norte@example.org"}}
        """.formatted(name));
  }

  private int providers() {
    return jdbc.queryForObject("select count(*) from nrm_provider", Integer.class);
  }

  private static List<String> names(JsonNode providers) {
    List<String> names = new ArrayList<>();
    providers.forEach(provider -> names.add(provider.path("name").asText()));
    return names;
  }

  private JsonNode get(String user, String path, int status) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as("GET " + path + " as " + user + ": " + answer.getBody()).isEqualTo(status);
    return json.readTree(answer.getBody());
  }

  private JsonNode send(String user, HttpMethod method, String path, Object body, int status) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").exchange(path, method,
        new HttpEntity<>(body instanceof String text ? text : json.writeValueAsString(body), headers), String.class);
    assertThat(answer.getStatusCode().value()).as(method + " " + path + " as " + user + ": " + answer.getBody()).isEqualTo(status);
    return json.readTree(answer.getBody());
  }
}
