package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.benchmark.IntakeGenerator;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The coordinators' dashboard in Cockpit ("Estadísticas"): {@code coordination.cr} opens it from
 * Cockpit's navigation, picks a year no other test opens cases in (2021), and every figure the page
 * shows, in the table under each chart, is the statistics API's for the same question, a hidden
 * cell shown as "< 5" and never as a number. Screenshot: target/browser-screenshots/statistics-dashboard.png.
 */
@NrmIntegrationTest
class StatisticsDashboardBrowserTest extends InChromium {

  private static final String FROM = "2021-01-01";
  private static final String TO = "2021-12-31";
  private static final String QUESTION = "jurisdiction=CR&from=" + FROM + "&to=" + TO;
  private static final int K = 5;
  /** Enough cases of one kind to be shown (a woman of 29 exploited for sex in Limón, who needs a shelter). */
  private static final String SHOWN_CASE = """
      {"jurisdiction": "CR", "detectedAt": "2021-03-%02dT10:00:00-06:00", "detectionChannel": "police-operation",
       "detectionPlace": {"country": "CR", "subdivision": "CR-L"}, "sex": "female", "ageYears": 29, "nationality": "GT",
       "migrationStatus": "irregular", "acts": ["recruitment"], "means": ["deception"], "purposes": ["sexual-exploitation"],
       "needs": {"shelter": true}}
      """;
  private static final By PAGE = By.cssSelector("section.nrm-statistics");
  private static final By PAGE_READY = By.cssSelector("section.nrm-statistics[data-state='ready']");
  private static boolean opened;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @BeforeEach
  void openTheYearsCases() throws Exception {
    if (opened) {
      return;
    }
    CaseDriver driver = new CaseDriver(engine, rest, json);
    List<ProcessInstance> shown = new ArrayList<>();
    for (int day = 1; day <= 8; day++) {
      shown.add(driver.open(SHOWN_CASE.formatted(day), "police.cr"));
    }
    // identified with a care plan, so that they are referred to a shelter; some referrals answered and delivered
    for (int i = 0; i < 6; i++) {
      driver.reviewAndIdentify(shown.get(i), "identified");
      driver.agreeCarePlan(shown.get(i));
    }
    for (int i = 0; i < 3; i++) {
      driver.deliverEveryReferral(shown.get(i));
    }
    // varied cases over the year: small cells, hidden by the API
    IntakeGenerator generator = new IntakeGenerator(2021, Map.of("CR", 1));
    for (int i = 0; i < 24; i++) {
      ObjectNode intake = generator.next("CR", Instant.parse("2021-12-31T12:00:00Z"));
      intake.put("detectedAt", "2021-%02d-15T10:00:00-06:00".formatted(1 + i % 12));
      driver.open(json.writeValueAsString(intake), "police.cr");
    }
    opened = true;
  }

  @Test
  void coordinationSeesTheApisFiguresOfTheYearWithSmallCellsHidden() throws Exception {
    try {
      openTheYear();

      Map<String, Map<String, PageCell>> time = table("time");
      compare(time, cases("month"), "month", null);
      assertThat(time).as("every month of the year, with cases or not").hasSize(12);
      compare(table("purpose"), cases("purpose"), "purpose", null);
      compare(table("age-sex"), cases("ageGroup,sex"), "ageGroup", "sex");
      JsonNode regions = cases("detectionRegion");
      compare(table("regions"), regions, "detectionRegion", null);
      assertThat(dataCount(".nrm-statistics-unknown-region"))
          .isEqualTo(expectedCount(rowOf(regions, "detectionRegion", "unknown")));
      assertThat(dataCount("[data-kpi='total']"))
          .isEqualTo(regions.path("totalSuppressed").asBoolean() ? "suppressed" : regions.get("total").asText());

      List<PageCell> everyCell = new ArrayList<>();
      for (String name : List.of("time", "purpose", "age-sex", "regions")) {
        table(name).values().forEach(cells -> everyCell.addAll(cells.values()));
      }
      assertThat(everyCell).as("some cells hidden").anyMatch(cell -> cell.count().equals("suppressed") && cell.text().equals("< " + K));
      assertThat(everyCell).as("some shown").anyMatch(cell -> !cell.count().equals("suppressed") && Integer.parseInt(cell.count()) >= K);
      assertThat(pageContent()).contains("Las celdas con menos de 5 casos se ocultan", "cuenta una vez en cada una",
          "Casos sin región de detección registrada");
      assertThat(browser.script("return document.querySelectorAll(\"figure.nrm-statistics-map[data-jurisdiction='CR'] canvas\").length;"))
          .as("the map of Costa Rica is drawn").isEqualTo(1L);
      assertThat(browser.isShown(By.cssSelector("select[name='jurisdiction']"))).as("one jurisdiction: nothing to choose").isFalse();
      browser.screenshotOfWhole(PAGE, "statistics-dashboard.png");
    } catch (RuntimeException | AssertionError failed) {
      browser.screenshotOfWhole(PAGE, "statistics-dashboard-failed.png");
      throw failed;
    }
  }

  @Test
  void theReferralsAndOverdueTasksAreTheIndicatorsOfTheYear() throws Exception {
    ResponseEntity<String> answered = rest.withBasicAuth("coordination.cr", "demo")
        .getForEntity("/api/statistics/indicators?" + QUESTION, String.class);
    assumeTrue(answered.getStatusCode().is2xxSuccessful(), "GET /api/statistics/indicators is not served yet");
    JsonNode indicators = json.readTree(answered.getBody());
    openTheYear();

    Map<String, Map<String, PageCell>> referrals = table("referrals");
    assertThat(referrals).as("the year's cases were referred to a shelter").containsKey("shelter");
    assertThat(referrals.keySet()).containsExactlyInAnyOrderElementsOf(codes(indicators.get("referrals"), "institution"));
    for (JsonNode referral : indicators.get("referrals")) {
      for (String stage : List.of("pending", "accepted", "declined", "delivered", "notDelivered", "refused")) {
        assertShows(referrals.get(referral.get("institution").asText()).get(stage), referral.get(stage), referral + " " + stage);
      }
    }
    Map<String, Map<String, PageCell>> overdue = table("overdue");
    assertThat(overdue.keySet()).containsExactlyInAnyOrderElementsOf(codes(indicators.get("overdueTasks"), "institution"));
    for (JsonNode task : indicators.get("overdueTasks")) {
      assertShows(overdue.get(task.get("institution").asText()).get("count"), task.get("count"), task.toString());
    }
  }

  @Test
  void anAdministratorChoosesAmongTheJurisdictionsAndSeesEachOnesMap() throws Exception {
    browser.logIn("cockpit", "admin", "Procesos");
    browser.click(By.xpath("//a[normalize-space()='Estadísticas']"));
    browser.waitFor(PAGE_READY, Duration.ofSeconds(60));
    assertThat(browser.script("return [...document.querySelectorAll(\"select[name='jurisdiction'] option\")].map(o => o.text);"))
        .isEqualTo(List.of("Todas las suyas", "Costa Rica", "Guatemala"));
    assertThat(browser.script("return [...document.querySelectorAll('figure.nrm-statistics-map')].map(f => f.dataset.jurisdiction);"))
        .isEqualTo(List.of("CR", "GT"));

    browser.script("document.querySelector(\"select[name='jurisdiction']\").value = 'GT';");
    browser.click(By.xpath("//button[normalize-space()='Actualizar']"));
    browser.until(page -> String.valueOf(browser.attribute(PAGE, "data-query")).startsWith("jurisdiction=GT&")
        && browser.isShown(PAGE_READY));
    assertThat(browser.script("return document.querySelectorAll(\"figure.nrm-statistics-map[data-jurisdiction='GT'] canvas\").length;"))
        .isEqualTo(1L);
    browser.screenshotOfWhole(PAGE, "statistics-dashboard-guatemala.png");
  }

  @Test
  void analystsWhoUseCockpitForTheModelsGetNoStatisticsEntry() {
    browser.logIn("cockpit", "analysts.cr", "Procesos");
    // the entry is drawn with Cockpit's navigation, then hidden once the API has refused the user
    browser.until(page -> Boolean.TRUE.equals(browser.script("const entry = [...document.querySelectorAll('.Header a')]"
        + ".find(link => link.textContent.trim() === 'Estadísticas'); return !!entry && entry.getClientRects().length === 0;")));
    assertThat(browser.isShown(By.xpath("//a[normalize-space()='Estadísticas']"))).isFalse();
    assertThat(rest.withBasicAuth("analysts.cr", "demo").getForEntity("/api/statistics/labels", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  /** Cockpit as coordination.cr, "Estadísticas" in its navigation, then the year 2021 in the period's dates. */
  private void openTheYear() {
    browser.logIn("cockpit", "coordination.cr", "Procesos");
    browser.click(By.xpath("//a[normalize-space()='Estadísticas']"));
    browser.waitFor(PAGE_READY, Duration.ofSeconds(60));
    assertThat(pageContent()).contains("Casos detectados a lo largo del tiempo", "Casos por forma de explotación",
        "Casos por grupo de edad y sexo", "Derivaciones por institución", "Tareas vencidas hoy por institución", "Detecciones por región");
    // the date inputs' own format is the browser's (dd/mm/aaaa in Spanish): the ISO date is set as their value
    browser.script("const form = document.querySelector('.nrm-statistics-filters');"
        + "form.elements.from.value = arguments[0]; form.elements.to.value = arguments[1];", FROM, TO);
    browser.click(By.xpath("//button[normalize-space()='Actualizar']"));
    browser.until(page -> QUESTION.equals(browser.attribute(PAGE, "data-query")) && browser.isShown(PAGE_READY));
  }

  /** A figure's value (data-count), also where Cockpit's frame would need a scroll to show it. */
  private String dataCount(String selector) {
    return (String) browser.script("return document.querySelector(arguments[0]).dataset.count;", selector);
  }

  /** The page's text, also where Cockpit's frame would need a scroll to show it. */
  private String pageContent() {
    return (String) browser.script("return document.querySelector('section.nrm-statistics').textContent;");
  }

  private JsonNode cases(String by) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth("coordination.cr", "demo")
        .getForEntity("/api/statistics/cases?" + QUESTION + "&by=" + by, String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    return json.readTree(answer.getBody());
  }

  /** Every row of the API's answer is on the page, with its count or "< k"; rows only on the page are periods without cases. */
  private void compare(Map<String, Map<String, PageCell>> page, JsonNode answer, String rowDimension, String columnDimension) {
    for (JsonNode row : answer.get("rows")) {
      String code = row.get(rowDimension).asText();
      String key = columnDimension == null ? "count" : row.get(columnDimension).asText();
      assertThat(page).as("row %s of %s", code, rowDimension).containsKey(code);
      assertShows(page.get(code).get(key), row.get("count"), row.toString());
    }
    page.forEach((code, cells) -> cells.forEach((key, cell) -> {
      if (rowOf(answer, rowDimension, code) == null) {
        assertThat(cell.count()).as("%s only on the page: no case", code).isEqualTo("0");
      }
    }));
  }

  private static void assertShows(PageCell cell, JsonNode count, String what) {
    assertThat(cell).as(what).isNotNull();
    if (count == null || count.isNull()) {
      assertThat(cell.count()).as(what).isEqualTo("suppressed");
      assertThat(cell.text()).as(what).isEqualTo("< " + K);
    } else {
      assertThat(cell.count()).as(what).isEqualTo(count.asText());
      assertThat(cell.text().replaceAll("\\D", "")).as(what).isEqualTo(count.asText());
    }
  }

  private static String expectedCount(JsonNode row) {
    if (row == null) {
      return "0";
    }
    return row.get("count").isNull() ? "suppressed" : row.get("count").asText();
  }

  private static JsonNode rowOf(JsonNode answer, String dimension, String code) {
    for (JsonNode row : answer.get("rows")) {
      if (row.get(dimension).asText().equals(code)) {
        return row;
      }
    }
    return null;
  }

  private static List<String> codes(JsonNode list, String field) {
    List<String> codes = new ArrayList<>();
    list.forEach(item -> codes.add(item.get(field).asText()));
    return codes;
  }

  /** The table of a card as the page shows it: row code, then column key, then the cell. */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, PageCell>> table(String name) {
    List<Map<String, Object>> rows = (List<Map<String, Object>>) browser.script(
        "return [...document.querySelectorAll(`table[data-table='${arguments[0]}'] tbody tr[data-code]`)].map(tr => ({"
            + "code: tr.dataset.code, cells: [...tr.querySelectorAll('td')].map(td => ({key: td.dataset.key,"
            + " count: td.dataset.count, text: td.textContent.trim()}))}));", name);
    Map<String, Map<String, PageCell>> table = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Map<String, PageCell> cells = new LinkedHashMap<>();
      for (Map<String, Object> cell : (List<Map<String, Object>>) row.get("cells")) {
        cells.put((String) cell.get("key"), new PageCell((String) cell.get("count"), (String) cell.get("text")));
      }
      table.put((String) row.get("code"), cells);
    }
    return table;
  }

  /** A figure on the page: the API's value it shows (a number or "suppressed") and its text. */
  record PageCell(String count, String text) {}
}
