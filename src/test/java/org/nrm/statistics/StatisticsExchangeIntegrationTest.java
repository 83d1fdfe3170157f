package org.nrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.benchmark.IntakeGenerator;
import org.nrm.statistics.exchange.HtcdsExport;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exchange with other countries and international bodies (cases of 2016, which no other test
 * uses): HTCDS records only for groups of at least k, the rest counted; the UNODC table; and a scan
 * that no identity, free text or case id of any case reaches the store or any export.
 */
@NrmIntegrationTest
class StatisticsExchangeIntegrationTest {

  private static final String PERIOD = "jurisdiction=CR&from=2016-01-01&to=2016-12-31";
  /** Six women with the same profile: a group of k or more; their names and free text are marked. */
  private static final String ALIKE = CaseStatisticsIntegrationTest.INTAKE.replace("2026-11-20T22:30:00-06:00", "2016-04-11T08:00:00-06:00");
  private static final List<ProcessInstance> OPENED = new ArrayList<>();

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void openTheYearsCases() throws Exception {
    if (!OPENED.isEmpty()) {
      return;
    }
    CaseDriver driver = new CaseDriver(engine, rest, json);
    for (int i = 0; i < 6; i++) {
      OPENED.add(driver.open(ALIKE, "police.cr"));
    }
    IntakeGenerator generator = new IntakeGenerator(2016, Map.of("CR", 1));
    for (int i = 0; i < 12; i++) {
      ObjectNode intake = generator.next("CR", Instant.parse("2016-08-30T12:00:00Z"));
      intake.put("detectedAt", "2016-08-" + String.format("%02d", 1 + i) + "T10:00:00-06:00");
      OPENED.add(driver.open(json.writeValueAsString(intake), "police.cr"));
    }
  }

  @Test
  void htcdsRecordsAreKAnonymousAndTheLeftOutAreCounted() throws Exception {
    JsonNode answer = get("/api/statistics/exchange/htcds?" + PERIOD);

    assertThat(answer.get("standard").asText()).isEqualTo("HTCDS 2.0");
    assertThat(answer.get("cases").asInt()).isEqualTo(OPENED.size());
    assertThat(answer.get("records").size() + answer.get("withheld").asInt()).isEqualTo(OPENED.size());
    assertThat(answer.get("records").size()).as("the six alike").isGreaterThanOrEqualTo(6);
    Map<String, Integer> groups = new HashMap<>();
    for (JsonNode record : answer.get("records")) {
      List<String> names = new ArrayList<>();
      record.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsOf(HtcdsExport.FIELDS);
      groups.merge(quasiIdentifiers(record), 1, Integer::sum);
    }
    assertThat(groups.values()).allMatch(size -> size >= 5);
    JsonNode woman = answer.get("records").get(0);
    assertThat(woman.get("prs_Gender").asText()).isEqualTo("Feminine");
    assertThat(woman.get("hte_State").asText()).isEqualTo("CR-L");
    assertThat(woman.get("nrm_AgeGroup").asText()).isEqualTo("25-59");
    assertThat(woman.get("vic_TypeOfExploitation").asText()).isEqualTo("ForcedLabour;SexualExploitation");
    assertThat(woman.get("vic_TraffickingStatus").asText()).isEqualTo("PossibleVictimOfTrafficking");
  }

  @Test
  void theUnodcTableCountsVictimsByGroupFormOfExploitationAndCitizenship() throws Exception {
    JsonNode answer = get("/api/statistics/exchange/unodc?" + PERIOD);

    assertThat(answer.get("by").toString()).isEqualTo("[\"victimGroup\",\"purpose\",\"nationality\"]");
    JsonNode women = null;
    for (JsonNode row : answer.get("rows")) {
      if (row.get("victimGroup").asText().equals("woman") && row.get("purpose").asText().equals("sexual-exploitation")
          && row.get("nationality").asText().equals("GT")) {
        women = row;
      }
    }
    assertThat(women).isNotNull();
    assertThat(women.get("count").isNull() || women.get("count").asInt() >= 6).isTrue();
  }

  @Test
  void noIdentityFreeTextOrCaseIdReachesTheStoreOrAnyExport() throws Exception {
    List<String> exports = List.of(
        raw("/api/statistics/exchange/htcds?" + PERIOD), raw("/api/statistics/exchange/htcds?" + PERIOD + "&format=csv"),
        raw("/api/statistics/exchange/unodc?" + PERIOD + "&format=csv"),
        raw("/api/statistics/cases?" + PERIOD + "&by=detectionRegion,sex,ageGroup,nationality"),
        raw("/api/statistics/cases?" + PERIOD + "&by=purpose,detectionChannel&format=csv"),
        raw("/api/statistics/indicators?" + PERIOD));
    List<String> forbidden = new ArrayList<>(List.of("Texto-Libre", "Marcado", "0815", "Barrio", "9.99", "83.03"));
    for (ProcessInstance opened : OPENED) {
      forbidden.add(opened.getId());
      forbidden.add(opened.getBusinessKey());
    }
    for (String export : exports) {
      assertThat(export).doesNotContain(forbidden);
    }
    for (ProcessInstance opened : OPENED) {
      Map<String, Object> record = new HashMap<>(jdbc.queryForMap("select * from nrm_stat_case where process_instance_id = ?",
          opened.getId()));
      record.remove("process_instance_id");
      record.remove("updated_at");
      assertThat(record.values().toString()).doesNotContain("Texto-Libre", "Marcado", "0815", "Barrio", opened.getBusinessKey());
    }
  }

  @Test
  void theExchangeIsForCoordinationAndAdministratorsOnly() {
    for (String user : List.of("police.cr", "iom.cr", "analysts.cr")) {
      assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/statistics/exchange/htcds", String.class).getStatusCode()
          .value()).as(user).isEqualTo(403);
    }
  }

  private static String quasiIdentifiers(JsonNode record) {
    StringBuilder key = new StringBuilder();
    HtcdsExport.QUASI_IDENTIFIERS.forEach(field -> key.append(record.get(field).asText()).append('|'));
    return key.toString();
  }

  private JsonNode get(String path) throws Exception {
    return json.readTree(raw(path));
  }

  private String raw(String path) {
    var answer = rest.withBasicAuth("coordination.cr", "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(200);
    return answer.getBody();
  }
}
