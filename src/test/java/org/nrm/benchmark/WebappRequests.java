package org.nrm.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the requests that Tasklist and Cockpit really send, in headless Chromium, so that the
 * benchmark's copies of them can be checked after a Camunda upgrade: {@code response-team.cr} opens
 * Tasklist and each shared filter, {@code coordination.cr} opens the case process in Cockpit. Run:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.nrm.benchmark.WebappRequests
 * -Dtasks=2000}; it prints them and writes target/benchmark/webapp-requests.md.
 */
public final class WebappRequests {

  private WebappRequests() {}

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
    List<String> recorded = new ArrayList<>();
    try (BenchmarkDatabase database = BenchmarkDatabase.start(options.workDirectory())) {
      String fixture = BenchmarkDatabase.fixtureName(options.tasks(), options.seed());
      new Fixtures(database, options, System.out).ensure(fixture, (name, value) -> {});
      database.copy(fixture, BenchmarkDatabase.RUN_DATABASE);
      String definition;
      try (HikariDataSource run = database.pool(BenchmarkDatabase.RUN_DATABASE, 1)) {
        definition = new ExpectedRows(new JdbcTemplate(run)).busiestCaseDefinition();
      }
      try (BenchmarkProduct product = BenchmarkProduct.start(options, database.jdbcUrl(BenchmarkDatabase.RUN_DATABASE))) {
        recorded.add("## Tasklist, as " + TasklistQueries.USER);
        recorded.addAll(tasklist(product.baseUri()));
        recorded.add("");
        recorded.add("## Cockpit, the case process's page, as " + CoordinatorQueries.USER);
        recorded.addAll(cockpit(product.baseUri(), definition));
      }
    }
    String text = String.join("\n", recorded) + "\n";
    System.out.println(text);
    Files.writeString(options.workDirectory().resolve("webapp-requests.md"), text);
    System.exit(0);
  }

  private static List<String> tasklist(URI base) throws Exception {
    WebDriver browser = chromium();
    try {
      logIn(browser, base, "tasklist", TasklistQueries.USER);
      Thread.sleep(4_000);
      List<String> recorded = new ArrayList<>(List.of("", "On opening Tasklist:"));
      recorded.addAll(requests(browser));
      // each shared filter as a person chooses it (Tasklist keeps the chosen filter in the address)
      Http http = new Http(base, Duration.ofSeconds(60));
      for (JsonNode filter : http.expect(http.as(TasklistQueries.ADMIN, "/engine-rest/filter?resourceType=Task").GET().build())) {
        if (filter.path("owner").isNull() && TasklistFilterNames.ALL.contains(filter.path("name").asText())) {
          browser.get(base + "/camunda/app/tasklist/default/#/?filter=" + filter.path("id").asText());
          Thread.sleep(4_000);
          recorded.add("");
          recorded.add("Choosing «" + filter.path("name").asText() + "» (" + filter.path("id").asText() + "):");
          recorded.addAll(requests(browser));
        }
      }
      return recorded;
    } finally {
      browser.quit();
    }
  }

  private static List<String> cockpit(URI base, String processDefinitionId) throws Exception {
    WebDriver browser = chromium();
    try {
      logIn(browser, base, "cockpit", CoordinatorQueries.USER);
      requests(browser); // the dashboard's: not these
      browser.get(base + "/camunda/app/cockpit/default/#/process-definition/" + processDefinitionId + "/runtime");
      Thread.sleep(10_000);
      return requests(browser);
    } finally {
      browser.quit();
    }
  }

  private static void logIn(WebDriver browser, URI base, String application, String user) {
    browser.get(base + "/camunda/app/" + application + "/default/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
  }

  /** The webapps' API requests since the last call: method, path and query, body. */
  private static List<String> requests(WebDriver browser) throws java.io.IOException {
    Set<String> seen = new LinkedHashSet<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = Http.JSON.readTree(entry.getMessage()).path("message");
      if (!message.path("method").asText().equals("Network.requestWillBeSent")) {
        continue;
      }
      JsonNode request = message.path("params").path("request");
      URI url = URI.create(request.path("url").asText());
      if (url.getPath() != null && url.getPath().startsWith("/camunda/api/")) {
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String body = request.path("postData").asText("");
        seen.add("- `" + request.path("method").asText() + " " + url.getPath() + query + "`" + (body.isEmpty() ? "" : " body `" + body + "`")
            + " Accept `" + request.path("headers").path("Accept").asText() + "`");
      }
    }
    return new ArrayList<>(seen);
  }

  private static WebDriver chromium() throws Exception {
    Path profile = Files.createTempDirectory("benchmark-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("nrm.browser.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("nrm.browser.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    return new ChromeDriver(driver, options);
  }
}
