package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The response team, agreeing the care plan with the person in Tasklist, opens from the form the
 * person's sheet of rights and services in English, and the catalogue of services by region, with
 * its Tasklist session. Screenshots under target/browser-screenshots (sheet-*.png).
 */
@NrmIntegrationTest
class ServiceSheetBrowserTest extends InChromium {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void theSheetForThePersonAndTheCatalogueOpenFromTheCarePlanForm() throws Exception {
    CaseDriver cases = new CaseDriver(engine, rest, json);
    ProcessInstance opened = cases.open(ConcurrentRequests.adultIntake("CR", "2026-11-21T10:00:00-06:00"), "police.cr");
    cases.reviewAndIdentify(opened, "identified");
    Task carePlan = cases.task(opened, "UserTask_AgreeCarePlan");

    browser.logIn("tasklist", "response-team.cr", "Tareas de mi institución");
    browser.open("/camunda/app/tasklist/default/#/?task=" + carePlan.getId());
    browser.waitForText("Hoja de derechos y servicios para la persona");
    browser.clickText("Asignarme");
    browser.until(claimed -> engine.getTaskService().createTaskQuery().taskId(carePlan.getId()).singleResult().getAssignee() != null);
    browser.until(enabled -> enabled.findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.script("arguments[0].scrollIntoView({block: 'start'})",
        browser.waitFor(By.xpath("//*[contains(text(), 'Hoja de derechos y servicios para la persona')]")));
    browser.screenshot("sheet-1-care-plan-links.png");

    browser.click(By.linkText("English"));
    browser.waitForText("Your rights and your services");
    assertThat(browser.pageText()).contains("The services you were referred to", "Whom you can call", "911",
        "This sheet does not carry your name.", "Español");
    browser.screenshot("sheet-2-for-the-person-en.png");

    browser.open("/api/catalogue?jurisdiction=CR");
    browser.waitForText("Catálogo de servicios por región · CR");
    assertThat(browser.pageText()).contains("Limón (CR-L)", "Albergue Ficticio Amanecer (demo)");
    browser.screenshot("sheet-3-catalogue-by-region.png");
  }
}
