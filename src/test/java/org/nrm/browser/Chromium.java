package org.nrm.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium that asks for Spanish, as the institutions' browsers do (Debian's chromium and
 * chromium-driver, which the test command installs when missing), and the few gestures the
 * browser tests make in the webapps. Screenshots go under {@code target/browser-screenshots}.
 */
final class Chromium implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final WebDriver browser;
  private final String base;

  private Chromium(WebDriver browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  static Chromium start(int port) throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("nrm.browser.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--user-data-dir=" + profile, "--lang=es-CR");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-CR,es"));
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("nrm.browser.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    Files.createDirectories(SCREENSHOTS);
    return new Chromium(new ChromeDriver(driver, options), "http://localhost:" + port);
  }

  /** Logs in to a webapp ({@code tasklist}, {@code cockpit}) and waits for the text that says it is open. */
  void logIn(String app, String userId, String openWhenShown) {
    browser.manage().deleteAllCookies();
    open("/camunda/app/" + app + "/default/");
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(userId);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    waitForText(openWhenShown);
  }

  void logOut() {
    browser.manage().deleteAllCookies();
  }

  void open(String path) {
    browser.get(base + path);
  }

  WebElement waitFor(By target) {
    return waitFor(target, PATIENCE);
  }

  WebElement waitFor(By target, Duration patience) {
    return new WebDriverWait(browser, patience).until(ExpectedConditions.visibilityOfElementLocated(target));
  }

  void waitForText(String text) {
    waitFor(By.xpath("//*[contains(normalize-space(), " + literal(text) + ")]"));
  }

  /** Clicks what may be below Tasklist's form footer or out of sight: scrolled to the middle first. */
  void click(By target) {
    inSight(target);
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(target)).click();
  }

  /** The value of one of the browser's cookies for this site, or null. */
  String cookie(String name) {
    var cookie = browser.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  /** Chooses the option of a native select by its value, as a person does with the list. */
  void choose(By select, String value) {
    new Select(inSight(select)).selectByValue(value);
  }

  /** An element scrolled into sight once it is on the page: below the fold of a scrolled container it does not count as shown. */
  private WebElement inSight(By target) {
    WebElement present = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(target));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", present);
    return waitFor(target);
  }

  void clickText(String text) {
    click(By.xpath("//*[self::a or self::button or self::label or self::span][normalize-space()=" + literal(text) + "]"));
  }

  void type(By target, String text) {
    inSight(target).sendKeys(text);
  }

  String attribute(By target, String name) {
    return waitFor(target).getDomAttribute(name);
  }

  /** What a field holds now (its value property, which form-js sets; not the HTML attribute). */
  String value(By target) {
    return (String) script("return arguments[0].value;", waitFor(target));
  }

  boolean isShown(By target) {
    return browser.findElements(target).stream().anyMatch(WebElement::isDisplayed);
  }

  String pageText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  void until(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, PATIENCE).until(condition);
  }

  /** Runs a script in the page and returns what it returns (lists and maps as Java's). */
  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  /**
   * A screenshot of all of {@code content}, which the webapps scroll inside their own frame: the
   * window grows to its height for the screenshot.
   */
  void screenshotOfWhole(By content, String name) throws IOException {
    Dimension window = browser.manage().window().getSize();
    Number height = (Number) script("const element = arguments[0];"
        + "return element.getBoundingClientRect().top + element.scrollHeight + 80;", browser.findElement(content));
    browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 120, 8000)));
    try {
      screenshot(name);
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    browser.quit();
  }

  /** An XPath string literal for any text (texts here have no double quotes). */
  static String literal(String text) {
    return "\"" + text + "\"";
  }
}
