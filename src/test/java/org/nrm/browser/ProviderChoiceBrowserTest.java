package org.nrm.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.institutions.ProviderGroups;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderDirectory;
import org.nrm.support.NrmIntegrationTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Child protection, in Tasklist, chooses the shelter for a girl from the ranked list, records its
 * decision in her best interests and what is shared; the shelter's staff then find the referral in
 * their Tasklist, with what was agreed, and another shelter's staff do not. Screenshots under
 * target/browser-screenshots (provider-choice-*.png).
 */
@NrmIntegrationTest
class ProviderChoiceBrowserTest extends InChromium {

  @Autowired ProcessEngine engine;
  @Autowired ProviderDirectory directory;
  @Autowired ProviderGroups groups;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void childProtectionChoosesTheShelterAndOnlyItsStaffGetTheReferral() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Provider chosen = directory.create(shelter("Albergue de prueba Caracol " + run), "coordination.cr", Set.of("CR"));
    Provider other = directory.create(shelter("Albergue de prueba Coral " + run), "coordination.cr", Set.of("CR"));
    groups.ensureDemoStaff("caracol-" + run + ".cr", "demo", chosen.id(), chosen.name(), "CR");
    groups.ensureDemoStaff("coral-" + run + ".cr", "demo", other.id(), other.name(), "CR");
    String referral = referGirlInPuntarenas();
    Task choice = engine.getTaskService().createTaskQuery().processInstanceId(referral).singleResult();
    assertThat(choice.getTaskDefinitionKey()).isEqualTo("UserTask_ChooseProvider");

    browser.logIn("tasklist", "child-protection.cr", "Tareas de mi institución");
    browser.open("/camunda/app/tasklist/default/#/?task=" + choice.getId());
    browser.waitForText("Prestadores que se ofrecen");
    browser.waitForText(chosen.name());
    assertThat(browser.pageText()).contains("Elegir el prestador y registrar el consentimiento", "Derivación a «Albergues",
        "Servicio pedido: albergue", "Atiende la región de la persona (CR-P).", "Prestadores que no se ofrecen, y por qué",
        "Casa Refugio Ficticia Sol (demo)", "Albergue lleno: no tiene plazas libres.", "Consentimiento informado",
        "protección de la niñez decide en su interés superior", "Ninguno del directorio: a la institución");
    browser.screenshot("provider-choice-1-task.png");
    browser.script("arguments[0].scrollIntoView({block: 'start'})",
        browser.waitFor(By.xpath("//*[contains(text(), 'Prestadores que se ofrecen')]")));
    browser.screenshot("provider-choice-2-ranked.png");

    browser.clickText("Asignarme");
    browser.until(claimed -> engine.getTaskService().createTaskQuery().taskId(choice.getId()).singleResult().getAssignee() != null);
    browser.until(enabled -> enabled.findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.click(By.xpath("//label[normalize-space()=" + Chromium.literal(chosen.name()) + "]"));
    browser.click(By.xpath("//label[starts-with(normalize-space(), 'Se deriva: es en su interés superior')]"));
    browser.click(By.xpath("//label[normalize-space()='Español']"));
    browser.click(By.xpath("//label[normalize-space()='Edad']"));
    browser.click(By.xpath("//label[normalize-space()='Necesidades']"));
    browser.type(By.xpath("//label[contains(., 'Lo que se acordó y por qué')]/following::textarea[1]"),
        "Escuchada la adolescente: prefiere un albergue cerca de su familia en Puntarenas");
    browser.screenshot("provider-choice-3-chosen.png");
    browser.click(By.xpath("//button[normalize-space()='Completar']"));
    browser.until(done -> engine.getTaskService().createTaskQuery().taskId(choice.getId()).count() == 0);

    Task decision = engine.getTaskService().createTaskQuery().processInstanceId(referral).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(decision.getId()).get(0).getGroupId())
        .isEqualTo(ProviderGroups.groupOf(chosen.id()));
    assertThat(jdbc.queryForMap("select decision, shared_facts, language, recorded_by from nrm_referral_consent where referral_id = ?",
        referral)).containsEntry("decision", "best-interests").containsEntry("language", "es")
        .containsEntry("recorded_by", "child-protection.cr");
    assertThat(jdbc.queryForObject("select shared_facts from nrm_referral_consent where referral_id = ?", String.class, referral)
        .split(",")).containsExactlyInAnyOrder("AGE", "NEEDS");

    browser.logOut();
    browser.logIn("tasklist", "caracol-" + run + ".cr", "Tareas de mi institución");
    browser.open("/camunda/app/tasklist/default/#/?task=" + decision.getId());
    browser.waitForText("Aceptar o rechazar la derivación");
    browser.waitForText("Prestador");
    assertThat(browser.pageText()).contains(chosen.name(), "Edad", "15 años").doesNotContain("Idiomas");
    browser.screenshot("provider-choice-4-shelter-staff.png");

    browser.logOut();
    browser.logIn("tasklist", "coral-" + run + ".cr", "Tareas de mi institución");
    browser.open("/camunda/app/tasklist/default/#/?task=" + decision.getId());
    browser.until(shown -> browser.pageText().contains("Tareas de mi institución"));
    Thread.sleep(1500);
    assertThat(browser.pageText()).as("another shelter's staff").doesNotContain("Aceptar o rechazar la derivación", "15 años");
    browser.screenshot("provider-choice-5-other-shelter.png");
  }

  private String referGirlInPuntarenas() {
    Map<String, Object> variables = new HashMap<>(Map.of("jurisdiction", "CR", "institution", "shelter", "reason",
        "Alojamiento seguro", "dueInHours", 24, "workingDays", false, "treatAsChild", true, "ageYears", 15, "sex", "female"));
    variables.put("languages", jsonValue("[\"es\"]").create());
    variables.put("detectionPlace", jsonValue("{\"subdivision\": \"CR-P\", \"country\": \"CR\"}").create());
    variables.put("needs", jsonValue("{\"shelter\": true, \"psychological\": true}").create());
    return engine.getRuntimeService().startProcessInstanceByKey("ReferralProcess", "CR-PRUEBA-" + UUID.randomUUID(), variables)
        .getId();
  }

  private com.fasterxml.jackson.databind.JsonNode shelter(String name) throws Exception {
    return json.readTree("""
        {"jurisdiction": "CR", "name": "%s", "institution": "shelter", "sector": "ngo", "services": ["shelter"],
         "regions": ["CR-P"], "serves": {"ageGroups": ["adolescents"], "sexes": ["female"], "lgbtqi": false,
         "indigenousLanguages": [], "disabilityAccess": true}, "languages": ["es"], "capacity": 6, "placesFree": 2,
         "contacts": {"phone": "+506 2000 0888"}}
        """.formatted(name));
  }
}
