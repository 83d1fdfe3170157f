package org.nrm.repatriation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.engine.VariableJson;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The regional directory in a repatriation: Costa Rica, planning a woman's return to Guatemala,
 * sees Guatemala's reception and reintegration providers that serve her (this deployment serves
 * both), and so does Guatemala receiving her; a country whose directory is not here is said so.
 */
@NrmIntegrationTest
class ReceptionProvidersIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void theOriginsReceptionProvidersThatServeThePersonAreShownOnBothSidesOfTheReturn() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returnPlannedTo(caseInstance, "GT");

    JsonNode atTheDestination = shown(cases.task(repatriation, "UserTask_PlanReturnTravel"));
    assertThat(atTheDestination.findValuesAsText("provider")).as("Guatemala's, for an adult woman")
        .contains("Albergue Ficticio Regreso Seguro (demo) (GT-01, GT-09)", "Red Ficticia de Reintegración (demo) (GT-01, GT-05, GT-09, GT-13, GT-14)",
            "Psicólogas Ficticias Ixcanul (demo) (GT-14, GT-09, GT-08, GT-07)")
        .noneMatch(provider -> provider.startsWith("Hogar Ficticio Nuevo Amanecer"))
        .noneMatch(provider -> provider.contains("Consultorio Jurídico Ficticio Justicia"));
    assertThat(atTheDestination.get(0).path("services").asText()).isNotBlank();

    returns.planTravel(repatriation);
    ProcessInstance origin = returns.receivingCase(caseInstance);
    cases.runJobs(origin);
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_ConfirmReturnTravel"), Repatriations.travel());
    cases.runJobs(repatriation);
    assertThat(shown(cases.task(origin, "UserTask_ReceiveOnArrival")).findValuesAsText("provider"))
        .contains("Albergue Ficticio Regreso Seguro (demo) (GT-01, GT-09)");
  }

  @Test
  void aCountryWhoseDirectoryIsNotHereIsSaidSo() throws Exception {
    ProcessInstance repatriation = returnPlannedTo(returns.caseReadyForADurableSolution(Repatriations.adultFrom("HN")), "HN");

    JsonNode shown = shown(cases.task(repatriation, "UserTask_PlanReturnTravel"));
    assertThat(shown.get(0).path("provider").asText()).isEqualTo("El directorio de HN no está en este sistema");
    assertThat(shown.get(0).path("fit").asText()).isEqualTo("Pida los prestadores de recepción al mecanismo de HN.");
  }

  private CaseDriver cases;
  private Repatriations returns;

  @BeforeEach
  void drivers() {
    cases = new CaseDriver(engine, rest, json);
    returns = new Repatriations(engine, cases);
  }

  /** A return chosen with the person and its documents issued: its travel is to be planned. */
  private ProcessInstance returnPlannedTo(ProcessInstance caseInstance, String country) {
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "response-team");
    cases.complete(cases.task(repatriation, "UserTask_RecordInformedReturnDecision"),
        Repatriations.informedDecision(country, false, List.of()));
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_IssueConsularDocuments"),
        Map.of("travelDocumentType", "passport", "travelDocumentIssued", true));
    return repatriation;
  }

  private JsonNode shown(Task task) {
    return VariableJson.of(engine.getTaskService().getVariableLocal(task.getId(), ReceptionProvidersPlugin.VARIABLE));
  }
}
