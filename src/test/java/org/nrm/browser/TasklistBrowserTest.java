package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Tasklist as people use it, in headless Chromium (Debian's chromium and chromium-driver, which
 * the test command installs when missing). Screenshots under target/browser-screenshots.
 */
@NrmIntegrationTest
class TasklistBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  WebDriver browser;
  Path profile;

  @BeforeEach
  void startChromium() throws IOException {
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("nrm.browser.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--user-data-dir=" + profile, "--lang=es-CR");
    // a browser that asks for Spanish, as the institutions' browsers do
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-CR,es"));
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("nrm.browser.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(driver, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void thePoliceOpenTheirTaskOfANewCaseInSpanishAndCompleteItAndHealthCannotSeeIt() throws Exception {
    Task referral = policeReferralOfANewCase();

    logIn("police.cr");
    openTask(referral);
    waitForText("Motivo de la derivación");
    assertThat(pageText()).contains("Aceptar o rechazar la derivación", "Institución que recibe la derivación",
        "Decisión", "Aceptar la derivación", "Rechazar la derivación");
    screenshot("1-police-task-form.png");

    assertThat(pageText()).contains("Asignarme", "Iniciar proceso")
        .doesNotContain("Claim", "It is time to migrate", "Crear tarea");
    click(By.xpath("//*[self::a or self::button][contains(normalize-space(), 'Asignarme')]"));
    // a task's form is read-only until it is claimed; Tasklist enables it once the claim is stored
    WebDriverWait claimed = new WebDriverWait(browser, Duration.ofSeconds(20));
    claimed.until(stored -> "police.cr".equals(
        engine.getTaskService().createTaskQuery().taskId(referral.getId()).singleResult().getAssignee()));
    claimed.until(enabled -> browser.findElements(By.cssSelector(".disabled-form")).isEmpty());
    click(By.xpath("//label[contains(normalize-space(), 'Aceptar la derivación')]"));
    screenshot("2-police-task-filled.png");
    click(By.xpath("//button[normalize-space()='Completar']"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(done ->
        engine.getTaskService().createTaskQuery().taskId(referral.getId()).count() == 0);
    screenshot("3-police-task-completed.png");
    assertThat(engine.getRuntimeService().getVariable(referral.getProcessInstanceId(), "referralState")).isEqualTo("accepted");

    Task delivery = engine.getTaskService().createTaskQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
    logOut();
    logIn("health.cr");
    openTask(delivery);
    Thread.sleep(3000);
    screenshot("4-health-does-not-see-the-task.png");
    // health may have service tasks of its own: what matters is that this one is not theirs to see
    assertThat(pageText()).contains("No matching task with id " + delivery.getId()).doesNotContain("Motivo de la derivación");
  }

  /** A case of high risk opened through the intake API and identified: the police get a referral. */
  private Task policeReferralOfANewCase() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String intake = """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "hotline",
         "detectionPlace": {"country": "CR", "region": "San José"}, "sex": "female", "ageYears": 22,
         "nationality": "CR", "migrationStatus": "national", "acts": ["recruitment"], "means": ["threat"],
         "purposes": ["sexual-exploitation"], "riskFactors": ["threats-received"], "wantsToFileComplaint": "no"}
        """;
    String caseId = json.readTree(rest.withBasicAuth("response-team.cr", "demo")
        .postForEntity("/api/cases", new HttpEntity<>(intake, headers), String.class).getBody()).get("caseId").asText();
    ProcessInstance caseInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
    runJobs(caseInstance);
    completeCaseTask(caseInstance, "UserTask_ReviewScreening", Map.of("immediateAssistanceCoordinated", true));
    completeCaseTask(caseInstance, "UserTask_DecideIdentification",
        Map.of("identificationDecision", "identified", "identificationReason", "Acto, medio y fin"));
    completeCaseTask(caseInstance, "UserTask_AgreeCarePlan", Map.of("needsAssessment", "Necesidades evaluadas"));
    runJobs(caseInstance);
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskCandidateGroup("police")
        .taskDefinitionKey("UserTask_DecideOnReferral").singleResult();
  }

  private void logIn(String userId) {
    browser.get(base() + "/camunda/app/tasklist/default/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(userId);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(normalize-space(), 'Tareas de mi institución')]")));
  }

  private void logOut() {
    browser.manage().deleteAllCookies();
  }

  private void openTask(Task task) {
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
  }

  private void click(By target) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(target)).click();
  }

  private void waitForText(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(normalize-space(), '" + text + "')]")));
  }

  private String pageText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void completeCaseTask(ProcessInstance caseInstance, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }

  private void runJobs(ProcessInstance caseInstance) {
    engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
