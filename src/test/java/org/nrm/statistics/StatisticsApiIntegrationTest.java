package org.nrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.benchmark.IntakeGenerator;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The commission's counts over generated cases of one month that no other test uses (June 2019):
 * each shown count is the cases' own, no count below k is shown, files and labels, who may ask,
 * and that every request is recorded.
 */
@NrmIntegrationTest
class StatisticsApiIntegrationTest {

  private static final String PERIOD = "from=2019-06-01&to=2019-06-30";
  private static final int K = 5;
  /** The generated intakes of Costa Rica, opened once for the class. */
  private static final List<ObjectNode> OPENED = new ArrayList<>();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void openTheMonthsCases() throws Exception {
    if (!OPENED.isEmpty()) {
      return;
    }
    CaseDriver driver = new CaseDriver(engine, rest, json);
    IntakeGenerator generator = new IntakeGenerator(2019, Map.of("CR", 1));
    Instant endOfJune = Instant.parse("2019-06-30T12:00:00Z");
    for (int i = 0; i < 40; i++) {
      ObjectNode intake = generator.next("CR", endOfJune);
      intake.put("detectedAt", "2019-06-" + String.format("%02d", 1 + i % 28) + "T10:00:00-06:00");
      driver.open(json.writeValueAsString(intake), "police.cr");
      OPENED.add(intake);
    }
    for (int i = 0; i < 6; i++) {
      ObjectNode intake = generator.next("GT", endOfJune);
      intake.put("detectedAt", "2019-06-15T10:00:00-06:00");
      driver.open(json.writeValueAsString(intake), "police.gt");
    }
  }

  @Test
  void eachShownCountIsTheCasesOwnAndNoCountBelowKIsShown() throws Exception {
    JsonNode answer = get("coordination.cr", "/api/statistics/cases?jurisdiction=CR&" + PERIOD + "&by=sex,ageGroup");

    assertThat(answer.get("jurisdictions")).hasSize(1);
    assertThat(answer.get("minimumCell").asInt()).isEqualTo(K);
    assertThat(answer.get("total").asInt()).isEqualTo(OPENED.size());
    Map<List<String>, Integer> expected = new TreeMap<>(Comparator.comparing(Object::toString));
    for (ObjectNode intake : OPENED) {
      expected.merge(List.of(intake.get("sex").asText(), ageGroup(intake)), 1, Integer::sum);
    }
    int suppressed = 0;
    for (JsonNode row : answer.get("rows")) {
      int cases = expected.getOrDefault(List.of(row.get("sex").asText(), row.get("ageGroup").asText()), 0);
      if (row.path("suppressed").asBoolean()) {
        assertThat(row.get("count").isNull()).isTrue();
        suppressed++;
      } else {
        assertThat(row.get("count").asInt()).as(row.toString()).isEqualTo(cases);
        assertThat(cases).as("a shown count is 0 or at least k").matches(count -> count == 0 || count >= K);
      }
      assertThat(answer.at("/labels/sex/" + row.get("sex").asText()).asText()).isNotBlank();
    }
    assertThat(suppressed).as("the month has small cells").isPositive();
    assertThat(expected.keySet()).as("every combination that occurs is a row")
        .allMatch(key -> rows(answer).contains(key));
  }

  @Test
  void aCaseWithSeveralFormsOfExploitationCountsOnceUnderEach() throws Exception {
    JsonNode answer = get("coordination.cr", "/api/statistics/cases?jurisdiction=CR&" + PERIOD + "&by=purpose");

    Map<String, Integer> expected = new TreeMap<>();
    OPENED.forEach(intake -> new HashSet<>(texts(intake.get("purposes"))).forEach(purpose -> expected.merge(purpose, 1, Integer::sum)));
    for (JsonNode row : answer.get("rows")) {
      if (!row.path("suppressed").asBoolean()) {
        assertThat(row.get("count").asInt()).as(row.toString()).isEqualTo(expected.getOrDefault(row.get("purpose").asText(), 0));
      }
    }
    assertThat(answer.get("countsCasesOncePerPurpose").asBoolean()).isTrue();
    assertThat(answer.get("notes").toString()).contains("se cuenta una vez en cada una");
    assertThat(answer.get("total").asInt()).as("cases, not purposes").isEqualTo(OPENED.size());
  }

  @Test
  void theSameRowsComeAsCsvAndAsAWorkbook() throws Exception {
    JsonNode answer = get("coordination.cr", "/api/statistics/cases?jurisdiction=CR&" + PERIOD + "&by=victimGroup");
    HttpHeaders csv = new HttpHeaders();
    csv.set(HttpHeaders.ACCEPT, "text/csv");
    ResponseEntity<String> file = rest.withBasicAuth("coordination.cr", "demo").exchange(
        "/api/statistics/cases?jurisdiction=CR&" + PERIOD + "&by=victimGroup", HttpMethod.GET, new HttpEntity<>(csv), String.class);

    assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<String> lines = file.getBody().lines().toList();
    assertThat(lines.get(0)).isEqualTo("victimGroup,count");
    assertThat(lines).hasSize(answer.get("rows").size() + 1);
    for (int i = 0; i < answer.get("rows").size(); i++) {
      JsonNode row = answer.get("rows").get(i);
      assertThat(lines.get(i + 1)).isEqualTo(row.get("victimGroup").asText() + "," + (row.get("count").isNull() ? "" : row.get("count").asText()));
    }

    byte[] workbook = rest.withBasicAuth("coordination.cr", "demo")
        .getForEntity("/api/statistics/cases?jurisdiction=CR&" + PERIOD + "&by=victimGroup&format=xlsx", byte[].class).getBody();
    try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
      List<Row> rows = read.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("Mujer, hombre, niña o niño");
      assertThat(rows.get(0).getCellText(2)).isEqualTo("Casos");
      JsonNode first = answer.get("rows").get(0);
      assertThat(rows.get(1).getCellText(0)).isEqualTo(answer.at("/labels/victimGroup/" + first.get("victimGroup").asText()).asText());
      assertThat(rows.get(rows.size() - 1).getCellText(2)).isEqualTo(String.valueOf(OPENED.size()));
    }
  }

  @Test
  void coordinationSeesItsOwnJurisdictionsAdministratorsAllAndNoOtherInstitution() throws Exception {
    String cases = "/api/statistics/cases?" + PERIOD;
    assertThat(get("coordination.cr", cases).get("jurisdictions").toString()).isEqualTo("[\"CR\"]");
    assertThat(get("coordination.regional", cases).get("jurisdictions").toString()).isEqualTo("[\"CR\",\"GT\"]");
    assertThat(get("coordination.regional", cases).get("total").asInt()).isEqualTo(OPENED.size() + 6);
    assertThat(get("admin", cases).get("jurisdictions").toString()).isEqualTo("[\"CR\",\"GT\"]");

    assertThat(get("coordination.regional", "/api/statistics/access").get("jurisdictions").toString()).isEqualTo("[\"CR\",\"GT\"]");
    for (String user : List.of("police.cr", "response-team.cr", "shelter.cr", "analysts.cr")) {
      assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/statistics/access", String.class).getStatusCode().value())
          .as(user).isEqualTo(403);
      ResponseEntity<String> refused = rest.withBasicAuth(user, "demo").getForEntity(cases, String.class);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(json.readTree(refused.getBody()).get("error").asText()).contains("coordinación");
    }
    ResponseEntity<String> otherCountry = rest.withBasicAuth("coordination.cr", "demo")
        .getForEntity("/api/statistics/cases?jurisdiction=GT&" + PERIOD, String.class);
    assertThat(otherCountry.getStatusCode().value()).isEqualTo(403);
    assertThat(otherCountry.getBody()).contains("GT").doesNotContain("\"rows\"");
    assertThat(rest.getForEntity(cases, String.class).getStatusCode().value()).as("nobody signed in").isEqualTo(401);
  }

  @Test
  void everyRequestIsRecordedWithItsUserParametersAndOutcome() {
    rest.withBasicAuth("coordination.cr", "demo").getForEntity("/api/statistics/cases?jurisdiction=CR&" + PERIOD + "&by=nationality", String.class);
    rest.withBasicAuth("police.cr", "demo").getForEntity("/api/statistics/cases?jurisdiction=CR&by=sex", String.class);

    List<Map<String, Object>> records = jdbc.queryForList("select user_id, resource, parameters, outcome from nrm_stat_request"
        + " where user_id in ('coordination.cr', 'police.cr') order by id desc limit 2");
    assertThat(records.get(1)).containsEntry("user_id", "coordination.cr").containsEntry("outcome", "answered")
        .containsEntry("parameters", "jurisdiction=CR&from=2019-06-01&to=2019-06-30&by=nationality");
    assertThat(records.get(0)).containsEntry("user_id", "police.cr").containsEntry("outcome", "refused");
  }

  @Test
  void aBadRequestIsRefusedWithTheFieldAndTheReasonInSpanish() throws Exception {
    Map<String, String> bad = Map.of(
        "by=age", "by", "from=2019-13-01", "from", "from=2019-07-01&to=2019-06-01", "from", "jurisdiction=cr", "jurisdiction",
        "by=sex,sex", "by", "format=pdf", "format", "by=sex,ageGroup,nationality,purpose,detectionRegion", "by");
    for (Map.Entry<String, String> query : bad.entrySet()) {
      ResponseEntity<String> refused = rest.withBasicAuth("coordination.cr", "demo")
          .getForEntity("/api/statistics/cases?" + query.getKey(), String.class);
      assertThat(refused.getStatusCode().value()).as(query.getKey()).isEqualTo(400);
      JsonNode error = json.readTree(refused.getBody());
      assertThat(error.at("/fields/0/field").asText()).as(query.getKey()).isEqualTo(query.getValue());
      assertThat(error.get("error").asText()).isEqualTo("La consulta de estadísticas no es válida.");
    }
  }

  @Test
  void everyCodeHasASpanishLabel() throws Exception {
    JsonNode labels = get("coordination.cr", "/api/statistics/labels");

    assertThat(labels.at("/purpose/sexual-exploitation").asText()).isNotEqualTo("sexual-exploitation").isNotBlank();
    assertThat(labels.at("/detectionRegion/CR-L").asText()).isEqualTo("Limón");
    assertThat(labels.at("/nationality/GT").asText()).isEqualTo("Guatemala");
    assertThat(labels.at("/victimGroup/girl").asText()).isEqualTo("Niña");
    labels.fields().forEachRemaining(dimension -> dimension.getValue().fields().forEachRemaining(code ->
        assertThat(code.getValue().asText()).as(dimension.getKey() + " " + code.getKey()).isNotBlank()));
  }

  @Test
  void cockpitsDashboardReadsTheStatisticsWithTheCoordinatorsSession() throws Exception {
    WebappSession cockpit = WebappSession.open(port, "cockpit");
    assertThat(cockpit.logIn("coordination.cr", "demo")).isEqualTo(200);

    var answer = cockpit.get("/api/statistics/cases?" + PERIOD + "&by=sex");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).get("total").asInt()).isEqualTo(OPENED.size());
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return json.readTree(answer.getBody());
  }

  private static Set<List<String>> rows(JsonNode answer) {
    Set<List<String>> keys = new HashSet<>();
    answer.get("rows").forEach(row -> keys.add(List.of(row.get("sex").asText(), row.get("ageGroup").asText())));
    return keys;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static String ageGroup(JsonNode intake) {
    return intake.hasNonNull("ageYears") ? AgeGroups.of(intake.get("ageYears").asInt()) : AgeGroups.UNKNOWN;
  }
}
