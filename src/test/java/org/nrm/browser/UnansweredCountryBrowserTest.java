package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.repatriation.Repatriations;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Costa Rica's coordination, in Tasklist, acts on a return that Guatemala has not confirmed: the
 * task names the country and what is missing, and ending the wait with its reason sends the case
 * back to the durable-solution decision. Screenshots under target/browser-screenshots (unanswered-*.png).
 */
@NrmIntegrationTest
class UnansweredCountryBrowserTest extends InChromium {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void coordinationEndsTheWaitForACountryThatDoesNotAnswerWithItsReason() throws Exception {
    CaseDriver cases = new CaseDriver(engine, rest, json);
    Repatriations returns = new Repatriations(engine, cases);
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.handedOverToGuatemala(caseInstance);
    Task unanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReceptionUnanswered", "UserTask_EscalateUnansweredReception");

    browser.logIn("tasklist", "coordination.cr", "Tareas de mi institución");
    browser.open("/camunda/app/tasklist/default/#/?task=" + unanswered.getId());
    browser.waitForText("Otro país no ha respondido");
    browser.screenshot("unanswered-1-coordination-task.png");
    assertThat(browser.pageText()).contains("Sin respuesta de GT: recepción no confirmada", "Resumen del caso",
        "País que no ha respondido", "Respuesta que falta", "Reenviar nuestro último mensaje", "Esperar de nuevo",
        "Terminar la espera", "vuelve a la decisión de la solución duradera");
    browser.until(shown -> "GT".equals(browser.value(labelled("input", "País que no ha respondido"))));
    assertThat(browser.value(labelled("textarea", "Respuesta que falta")))
        .startsWith("Que la recepción de la persona está preparada");

    browser.clickText("Asignarme");
    browser.until(claimed -> engine.getTaskService().createTaskQuery().taskId(unanswered.getId()).singleResult().getAssignee() != null);
    browser.until(enabled -> enabled.findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.click(By.xpath("//label[normalize-space()='Terminar la espera']"));
    browser.type(labelled("textarea", "Lo que hizo la coordinación"), "Tres llamadas a la coordinación de Guatemala sin respuesta");
    browser.screenshot("unanswered-2-wait-ended.png");
    browser.click(By.xpath("//button[normalize-space()='Completar']"));
    browser.until(done -> engine.getTaskService().createTaskQuery().taskId(unanswered.getId()).count() == 0);

    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_ReceptionUnanswered");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(repatriation.getId())
        .variableName("unansweredAction").singleResult().getValue()).isEqualTo("Tres llamadas a la coordinación de Guatemala sin respuesta");
    cases.task(caseInstance, "UserTask_DecideDurableSolution");
  }

  /** The form field after its label. */
  private static By labelled(String element, String label) {
    return By.xpath("//label[contains(., " + Chromium.literal(label) + ")]/following::" + element + "[1]");
  }
}
