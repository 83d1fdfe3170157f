package org.nrm.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.identity.IdentityRecord;
import org.nrm.identity.IdentityVault;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderDirectory;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The person's sheet of services in her or his language, printed by an institution working the
 * case: rights, the services referred to and how to reach them (a provider's contacts only where it
 * agreed), the numbers to call, no name unless the person asks for her or his own copy; and the
 * catalogue of services by region for institutions.
 */
@NrmIntegrationTest
class ServiceSheetIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired ProviderDirectory directory;
  @Autowired IdentityVault vault;

  @Test
  void theSheetListsTheServicesReferredToWithTheContactsTheProvidersAgreedToGiveAndNoName() throws Exception {
    CaseDriver cases = new CaseDriver(engine, rest, json);
    ProcessInstance opened = cases.open(ConcurrentRequests.adultIntake("CR", "2026-11-20T10:00:00-06:00"), "police.cr");
    String caseId = opened.getBusinessKey();
    vault.store(caseId, new IdentityRecord("Andrés", "Quirós", null, null, null, null, null, null), "police.cr");
    cases.reviewAndIdentify(opened, "identified");
    cases.agreeCarePlan(opened, "health", "shelter");
    choose(opened, "health", provider("Clínica Ficticia Esperanza (demo)"));
    choose(opened, "shelter", null);

    String spanish = page("esperanza.cr", "/api/catalogue/sheet?caseId=" + caseId + "&language=es", 200);
    assertThat(spanish).contains("Sus derechos y sus servicios", "aunque no presente una denuncia",
        "Atención médica — Clínica Ficticia Esperanza (demo)", "Esperando respuesta", "+506 2000 0103",
        "Albergue", "La institución que le atiende le pondrá en contacto con este servicio.", "Emergencias: <strong>911</strong>",
        "Esta hoja no lleva su nombre.", "English")
        .doesNotContain("Andrés", "Quirós", "Si tiene menos de 18 años");
    String english = page("esperanza.cr", "/api/catalogue/sheet?caseId=" + caseId + "&language=en", 200);
    assertThat(english).contains("Your rights and your services", "Medical care — Clínica Ficticia Esperanza (demo)",
        "Awaiting an answer", "This sheet does not carry your name.", "lang=\"en\"");
    assertThat(vault.accessesTo(caseId)).as("no identity read for the anonymous sheet").isEmpty();

    String ownCopy = page("esperanza.cr", "/api/catalogue/sheet?caseId=" + caseId + "&language=es&ownCopy=true", 200);
    assertThat(ownCopy).contains("Copia personal de: Andrés Quirós");
    assertThat(vault.accessesTo(caseId)).singleElement().satisfies(access -> {
      assertThat(access.userId()).isEqualTo("esperanza.cr");
      assertThat(access.purpose()).isEqualTo(ServiceSheet.OWN_COPY_PURPOSE);
    });

    assertThat(page("police.cr", "/api/catalogue/sheet?caseId=" + caseId, 404)).as("no open task of the case")
        .contains("la institución que atiende a la persona");
    assertThat(page("esperanza.cr", "/api/catalogue/sheet?caseId=" + caseId + "&language=xx", 400)).contains("language");
  }

  @Test
  void institutionsReadTheCatalogueOfServicesOfTheirJurisdictionByRegion() {
    String catalogue = page("police.cr", "/api/catalogue?jurisdiction=CR", 200);
    assertThat(catalogue).contains("Catálogo de servicios por región · CR", "Limón (CR-L)", "Albergue Ficticio Amanecer (demo)",
        "3 de 12 plazas libres", "Adolescentes (12 a 17 años)", "+506 2000 0101")
        .doesNotContain("Hogar Ficticio Nuevo Amanecer (demo)");
    int limon = catalogue.indexOf("Limón (CR-L)");
    assertThat(catalogue.indexOf("Albergue Ficticio Amanecer (demo)", limon)).as("listed under Limón").isPositive();
    assertThat(page("police.cr", "/api/catalogue?jurisdiction=GT", 403)).contains("No tiene acceso al catálogo de GT.");
    assertThat(page("coordination.regional", "/api/catalogue?jurisdiction=GT", 200)).contains("Hogar Ficticio Nuevo Amanecer (demo)",
        "Otras jurisdicciones");
  }

  private Provider provider(String name) {
    return directory.list(Set.of("CR"), null, false).stream().filter(provider -> provider.name().equals(name)).findFirst().orElseThrow();
  }

  /** The case's referral to the institution goes to that provider, or to the institution as a whole (null). */
  private void choose(ProcessInstance opened, String institution, Provider provider) {
    for (ProcessInstance referral : engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(opened.getId())
        .processDefinitionKey("ReferralProcess").list()) {
      if (institution.equals(engine.getRuntimeService().getVariable(referral.getId(), "institution"))) {
        Task choice = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId())
            .taskDefinitionKey("UserTask_ChooseProvider").singleResult();
        engine.getTaskService().complete(choice.getId(), Map.of("provider", provider == null ? "institution" : provider.id(),
            "consentDecision", "given", "consentLanguage", "es"));
        return;
      }
    }
    throw new AssertionError("no referral to " + institution + " in " + List.of(opened.getId()));
  }

  private String page(String userId, String path, int status) {
    ResponseEntity<String> response = rest.withBasicAuth(userId, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as(path + " as " + userId + ": " + response.getBody()).isEqualTo(status);
    return response.getBody();
  }
}
