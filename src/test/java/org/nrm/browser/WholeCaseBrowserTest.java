package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole case by clicks in the Spanish webapps: the police open it in Tasklist with the single
 * interview; the response team finds it by the number on its card, reviews the screening,
 * identifies the person and agrees the care plan seeing the facts; the shelter accepts its referral; coordination finds the
 * case by its number in Cockpit. Screenshots under target/browser-screenshots (case-*.png).
 */
@NrmIntegrationTest
class WholeCaseBrowserTest extends InChromium {

  /** Where the person was found, as the police record it. */
  private static final String REGION = "Limón (prueba de navegador)";

  /** The value of a new criterion of the webapps' search, while it is edited. */
  private static final By SEARCH_VALUE = By.cssSelector("[cam-widget-search] span.edit input");

  @Autowired ProcessEngine engine;

  @Test
  void aCaseOpenedByThePoliceIsReviewedIdentifiedReferredAndFoundByItsNumber() throws Exception {
    try {
      ProcessInstance opened = thePoliceOpenTheCase();
      String caseNumber = opened.getBusinessKey();
      runJobs(opened);

      theResponseTeamReviewsAndIdentifiesIt(opened, caseNumber);
      Task shelter = referralTo(opened, "shelter");
      theShelterAcceptsItsReferral(shelter, caseNumber);
      coordinationFindsTheCaseInCockpit(caseNumber);
    } catch (RuntimeException | AssertionError failed) {
      browser.screenshot("case-failed.png");
      throw failed;
    }
  }

  private ProcessInstance thePoliceOpenTheCase() throws Exception {
    browser.logIn("tasklist", "police.cr", "Tareas de mi institución");
    browser.clickText("Iniciar proceso");
    browser.click(By.xpath("//a[contains(normalize-space(), 'Mecanismo nacional de derivación: caso')]"));
    browser.waitForText("Entrevista única");
    // Camunda Forms' own words in Spanish too (scripts/camunda-forms-in-spanish.js)
    browser.waitForText("Seleccione");
    assertThat(browser.pageText()).doesNotContain("Select");
    assertThat(browser.attribute(field("Field_DetectedAt-date"), "placeholder")).isEqualTo("mm/dd/aaaa (mes/día/año)");
    browser.type(field("Field_DetectedAt-date"), "11/20/2026" + Keys.TAB);
    browser.type(field("Field_DetectedAt-time"), "10:30" + Keys.TAB);
    select("Field_DetectionChannel", "Operativo policial");
    browser.type(By.xpath("//label[contains(., 'País (código ISO')]/following::input[1]"), "CR");
    browser.type(field("Field_DetectionSubdivision"), "Limón");
    browser.click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space()='Costa Rica · Limón (CR-L)']"));
    browser.type(By.xpath("//label[contains(., 'Lugar (texto libre')]/following::input[1]"), REGION);
    select("Field_Sex", "Mujer");
    browser.type(By.xpath("//label[contains(., 'Edad en años')]/following::input[1]"), "29");
    browser.type(By.xpath("//label[contains(., 'Nacionalidad (código ISO')]/following::input[1]"), "GT");
    select("Field_MigrationStatus", "Situación migratoria irregular");
    for (String checked : List.of("Captación", "Engaño", "Explotación sexual", "Necesita alojamiento seguro",
        "Pide personal de su mismo sexo para entrevistarla, examinarla y acompañarla")) {
      browser.click(By.xpath("//label[normalize-space()=" + Chromium.literal(checked) + "]"));
    }
    browser.screenshot("case-1-police-interview.png");
    Date before = new Date(System.currentTimeMillis() - 1000);
    browser.click(By.xpath("//div[contains(@class, 'modal-footer')]//button[normalize-space()='Iniciar']"));
    browser.until(started -> caseOpenedByThePoliceAfter(before) != null);
    ProcessInstance opened = caseOpenedByThePoliceAfter(before);
    assertThat(engine.getRuntimeService().getVariable(opened.getId(), "detectionPlace").toString()).contains(REGION, "\"CR-L\"");
    return opened;
  }

  private void theResponseTeamReviewsAndIdentifiesIt(ProcessInstance opened, String caseNumber) throws Exception {
    browser.logIn("tasklist", "response-team.cr", "Tareas de mi institución");
    // the most urgent first: Tasklist's list sorted by due date, earliest first (scripts/due-date-first.js)
    browser.until(sorted -> sorted.getCurrentUrl().contains("sorting=") && sorted.getCurrentUrl().contains("dueDate"));
    assertThat(browser.pageText()).contains("Fecha de vencimiento").doesNotContain("Fecha de creación");
    findByCaseNumber(caseNumber);
    openCard(caseNumber, "Revisar el tamizaje y coordinar la asistencia inmediata");
    browser.waitForText("Resumen del caso");
    assertThat(browser.pageText()).contains("Actos", "Captación", "Medios", "Engaño", "Explotación sexual",
        "Presunta víctima de trata", "Derivación propuesta", "Albergues (estatales u ONG)", "Pide personal de su mismo sexo",
        "Lugar de detección", REGION + ", Limón (CR-L), Costa Rica", "Nacionalidad", "Guatemala");
    browser.screenshot("case-2-response-team-review.png");
    claimAndComplete(opened, "UserTask_ReviewScreening", "La asistencia inmediata está coordinada");

    openCard(caseNumber, "Decidir la identificación formal de la víctima");
    browser.waitForText("Regla aplicada");
    assertThat(browser.pageText()).contains("Una persona adulta con acto, medio y fin de explotación es presunta víctima de trata",
        "Clasificación de las reglas", "Presunta víctima de trata", "Edad", "29 años", "Situación migratoria irregular");
    browser.screenshot("case-3-response-team-identification.png");
    claim(opened, "UserTask_DecideIdentification");
    browser.click(By.xpath("//label[normalize-space()='Identificada como víctima de trata']"));
    browser.type(By.cssSelector("textarea"), "Acto, medio y fin acreditados con la entrevista única.");
    complete(opened, "UserTask_DecideIdentification");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(opened.getId())
        .variableName("identificationDecision").singleResult().getValue()).isEqualTo("identified");
    runJobs(opened);

    openCard(caseNumber, "Acordar con la persona el plan de atención individual");
    browser.waitForText("Urgencia médica");
    assertThat(browser.pageText()).contains("Necesita alojamiento seguro", "Identificada como víctima de trata",
        "Pide personal de su mismo sexo para entrevistarla, examinarla y acompañarla").doesNotContain("Regla aplicada");
    browser.screenshot("case-4-response-team-care-plan.png");
    claim(opened, "UserTask_AgreeCarePlan");
    browser.type(By.cssSelector("textarea"), "Alojamiento seguro con personal femenino; seguimiento semanal.");
    complete(opened, "UserTask_AgreeCarePlan");
    runJobs(opened);
  }

  private void theShelterAcceptsItsReferral(Task referral, String caseNumber) throws Exception {
    browser.logIn("tasklist", "shelter.cr", "Tareas de mi institución");
    findByCaseNumber(caseNumber);
    openCard(caseNumber, "Aceptar o rechazar la derivación");
    browser.waitForText("Motivo de la derivación");
    assertThat(browser.pageText()).contains("Albergues (estatales u ONG)", "Sexo", "Mujer",
        "Pide personal de su mismo sexo para entrevistarla, examinarla y acompañarla")
        .doesNotContain("Regla aplicada", "Engaño");
    browser.screenshot("case-5-shelter-referral.png");
    browser.clickText("Asignarme");
    browser.until(claimed -> "shelter.cr".equals(task(referral.getId()).getAssignee()));
    browser.until(enabled -> enabled.findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.click(By.xpath("//label[contains(normalize-space(), 'Aceptar la derivación')]"));
    browser.click(By.xpath("//button[normalize-space()='Completar']"));
    browser.until(done -> task(referral.getId()) == null);
    assertThat(engine.getRuntimeService().getVariable(referral.getProcessInstanceId(), "referralState")).isEqualTo("accepted");
  }

  private void coordinationFindsTheCaseInCockpit(String caseNumber) throws Exception {
    browser.logIn("cockpit", "coordination.cr", "Procesos");
    browser.clickText("Procesos");
    browser.click(By.xpath("//a[normalize-space()='Mecanismo nacional de derivación: caso']"));
    browser.waitForText("Instancias de proceso");
    searchByCaseNumber(caseNumber, "Clave de negocio");
    browser.waitFor(By.xpath("//table//td[normalize-space()=" + Chromium.literal(caseNumber) + "]"));
    assertThat(browser.pageText()).contains(caseNumber, "Instancias de proceso").doesNotContain("It is time to migrate");
    browser.screenshot("case-6-coordination-cockpit.png");
  }

  /** The task list narrowed to one case with Tasklist's search: the case number is the business key. */
  private void findByCaseNumber(String caseNumber) {
    searchByCaseNumber(caseNumber, "Clave de negocio (número de caso)");
    browser.until(narrowed -> !browser.isShown(By.xpath("//li[contains(@class, 'task')][not(.//*[normalize-space()="
        + Chromium.literal(caseNumber) + "])]")));
  }

  /**
   * A criterion of the webapps' search (Tasklist's list, Cockpit's instances): its type, then its
   * value. The value's editor opens by itself, unless the list refreshed meanwhile (Cockpit's does):
   * then the criterion is removed and made again.
   */
  private void searchByCaseNumber(String caseNumber, String criterion) {
    for (int attempt = 1; ; attempt++) {
      browser.click(By.cssSelector("[cam-widget-search] input.main-field"));
      browser.click(By.xpath("//*[contains(@class, 'dropdown-menu')]//a[contains(normalize-space(), " + Chromium.literal(criterion) + ")]"));
      try {
        browser.waitFor(SEARCH_VALUE, Duration.ofSeconds(5)).sendKeys(caseNumber + Keys.ENTER);
        browser.waitFor(By.xpath("//*[contains(@class, 'search-label')]//*[normalize-space()=" + Chromium.literal(caseNumber) + "]"),
            Duration.ofSeconds(5));
        return;
      } catch (TimeoutException | ElementNotInteractableException | StaleElementReferenceException notEditing) {
        if (attempt == 3) {
          throw notEditing;
        }
        browser.click(By.cssSelector("[cam-widget-search] .remove-search"));
      }
    }
  }

  /** Opens the card that shows the case number: its task's name is the link. */
  private void openCard(String caseNumber, String taskName) {
    browser.click(By.xpath("//li[contains(@class, 'task')][.//*[normalize-space()=" + Chromium.literal(caseNumber) + "]]"
        + "//*[self::a or self::h4][normalize-space()=" + Chromium.literal(taskName) + "]"));
  }

  private void claimAndComplete(ProcessInstance opened, String taskKey, String checkbox) {
    claim(opened, taskKey);
    browser.click(By.xpath("//label[contains(normalize-space(), " + Chromium.literal(checkbox) + ")]"));
    complete(opened, taskKey);
  }

  private void claim(ProcessInstance opened, String taskKey) {
    String taskId = openTask(opened, taskKey).getId();
    browser.clickText("Asignarme");
    browser.until(claimed -> task(taskId).getAssignee() != null);
    browser.until(enabled -> enabled.findElements(By.cssSelector(".disabled-form")).isEmpty());
  }

  private void complete(ProcessInstance opened, String taskKey) {
    String taskId = openTask(opened, taskKey).getId();
    browser.click(By.xpath("//button[normalize-space()='Completar']"));
    browser.until(done -> task(taskId) == null);
  }

  private void select(String fieldId, String label) {
    // a select opens when it gets the focus (a Tab into it) and toggles on a click: open it once
    if (!browser.isShown(By.xpath("//*[contains(@id, '-" + fieldId + "-display')]/ancestor::div[contains(@class, 'fjs-form-field')]"
        + "//*[contains(@class, 'fjs-dropdownlist-item')]"))) {
      browser.click(field(fieldId + "-display"));
    }
    browser.click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space()=" + Chromium.literal(label) + "]"));
  }

  /** A form-js field by the end of its id (form-js prefixes ids with the form's instance). */
  private static By field(String idSuffix) {
    return By.cssSelector("[id$='-" + idSuffix + "']");
  }

  private ProcessInstance caseOpenedByThePoliceAfter(Date before) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("NrmCaseProcess")
        .startedBy("police.cr").startedAfter(before).list().stream().findFirst()
        .map(started -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.getId()).singleResult())
        .orElse(null);
  }

  private Task openTask(ProcessInstance opened, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(opened.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  private Task task(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
  }

  /** The referral to the institution as a whole (choosing a provider is ProviderChoiceBrowserTest's). */
  private Task referralTo(ProcessInstance opened, String institution) {
    return new InstitutionTasks(engine).referralOf(opened.getId(), institution);
  }

  private void runJobs(ProcessInstance opened) {
    for (int round = 0; round < 5; round++) {
      engine.getManagementService().createJobQuery().executable().list().stream()
          .filter(job -> opened.getId().equals(job.getProcessInstanceId()) || isReferralOf(opened, job.getProcessInstanceId()))
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private boolean isReferralOf(ProcessInstance opened, String processInstanceId) {
    return processInstanceId != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
        .superProcessInstanceId(opened.getId()).count() > 0;
  }
}
