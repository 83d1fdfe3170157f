package org.nrm.repatriation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.identity.IdentityVault;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;

/**
 * The repatriation protocol through the real models, in one regional deployment: the destination
 * (CR) hands the case over to the origin's mechanism (GT, another tenant), which receives the
 * person, plans the reintegration, follows it up and reports the outcome back.
 */
@NrmIntegrationTest
class RepatriationIntegrationTest {

  static final String DESTINATION_ESCALATION = "UserTask_EscalateOverdueRepatriationTask";
  static final String ORIGIN_ESCALATION = "UserTask_EscalateOverdueReceptionTask";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired IdentityVault vault;
  @Autowired JdbcTemplate jdbc;
  CaseDriver cases;
  Repatriations returns;
  Users users;

  @BeforeEach
  void driveCasesThroughTheModels() {
    cases = new CaseDriver(engine, rest, json);
    returns = new Repatriations(engine, cases);
    users = new Users(engine.getIdentityService());
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void anAdultIsReturnedReceivedAndReintegratedAndTheDestinationCaseCloses() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "response-team");

    Task decision = cases.task(repatriation, "UserTask_RecordInformedReturnDecision");
    assertThat(cases.groupOf(decision)).isEqualTo("iom");
    cases.complete(decision, Repatriations.informedDecision("GT", false, List.of()));
    cases.runJobs(repatriation);
    assertThat(variable(repatriation, "returnRiskLevel")).isEqualTo("low");
    Task documents = cases.task(repatriation, "UserTask_IssueConsularDocuments");
    assertThat(cases.groupOf(documents)).as("the consulate may be notified").isEqualTo("foreign-affairs");
    cases.complete(documents, Map.of("travelDocumentType", "passport", "travelDocumentIssued", true));
    returns.planTravel(repatriation);

    ProcessInstance origin = returns.receivingCase(caseInstance);
    assertThat(origin.getTenantId()).as("the origin's mechanism: its tenant").isEqualTo("GT");
    assertThat(origin.getBusinessKey()).as("a case number of the origin").startsWith("GT-");
    assertThat(variable(repatriation, "originCaseId")).isEqualTo(origin.getBusinessKey());
    assertThat(engine.getRuntimeService().getVariables(origin.getId()).keySet()).as("the minimum data set, no more")
        .containsExactlyInAnyOrder("jurisdiction", "referredFromJurisdiction", "referredFromCase", "handoverId", "sex", "ageYears",
            "treatAsChild", "languages", "indigenous", "disability", "pregnant", "needs", "carePreferences", "purposes", "iccsCode",
            "riskFactors", "originRiskFactors",
            "returnRiskLevel", "plannedDepartureDate", "arrivalPlace", "travelArrangements");
    assertThat(vault.sharesOf(caseInstance.getBusinessKey())).singleElement().satisfies(share -> {
      assertThat(share.sharedWith()).isEqualTo("GT");
      assertThat(share.receivingCaseId()).isEqualTo(origin.getBusinessKey());
      assertThat(share.institutions()).containsExactly("iom");
      assertThat(share.fields()).containsExactly("givenNames", "familyNames", "documentNumber");
    });
    assertThat(users.as("iom.cr", () -> engine.getTaskService().createTaskQuery().processInstanceId(origin.getId()).count()))
        .as("a CR institution does not see the origin's tasks").isZero();

    cases.runJobs(origin);
    cases.runJobs(repatriation);
    Task confirmation = cases.task(repatriation, "UserTask_ConfirmReturnTravel");
    assertThat(cases.groupOf(confirmation)).isEqualTo("iom");
    cases.complete(confirmation, Repatriations.travel());
    cases.runJobs(repatriation);

    Task reception = cases.task(origin, "UserTask_ReceiveOnArrival");
    assertThat(cases.groupOf(reception)).isEqualTo("iom");
    assertThat(engine.getRuntimeService().getVariable(origin.getId(), "flightDetails")).isEqualTo("TA 390");
    var identity = rest.withBasicAuth("iom.gt", "demo").getForEntity("/api/cases/" + origin.getBusinessKey() + "/identity", String.class);
    assertThat(identity.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(identity.getBody()).get("givenNames").asText()).isEqualTo("Ana Retorno");
    assertThat(json.readTree(identity.getBody()).has("phone")).as("not shared: the phone in the destination").isFalse();
    assertThat(rest.withBasicAuth("response-team.gt", "demo").getForEntity("/api/cases/" + origin.getBusinessKey() + "/identity",
        String.class).getStatusCode()).as("a task that does not need it").isEqualTo(HttpStatus.FORBIDDEN);
    cases.complete(reception, Map.of("receivedOnArrival", true));
    planReintegration(origin);
    for (int checkIn = 1; checkIn <= 4; checkIn++) {
      checkIn(origin, "on-track");
    }
    cases.fireTimer(origin, "BoundaryEvent_FollowUpPeriodEnded");
    cases.runJobs(origin);

    assertThat(cases.endOf(origin)).isEqualTo("EndEvent_Reintegrated");
    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_Returned");
    assertThat(jdbc.queryForMap("select case_id, state, reintegration_outcome, closed_on from nrm_stat_return where return_id = ?",
        repatriation.getId())).as("the return's statistics").containsEntry("case_id", caseInstance.getId())
        .containsEntry("state", "returned").containsEntry("reintegration_outcome", "reintegrated").doesNotContainEntry("closed_on", null);
    Task closure = cases.task(caseInstance, "UserTask_CloseCase");
    assertThat(engine.getTaskService().getVariable(closure.getId(), "reintegrationOutcome")).isEqualTo("reintegrated");
    cases.complete(closure, Map.of("caseOutcome", "durable-solution-achieved"));
    assertThat(cases.endOf(caseInstance)).isEqualTo("EndEvent_CaseClosed");
  }

  @Test
  void aChildIsReturnedWithABestInterestsDeterminationAFamilyAssessmentAndAnEscort() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(childFrom("GT"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "child-protection");

    cases.escalateAndComplete(repatriation, "UserTask_DetermineBestInterests", DESTINATION_ESCALATION, bestInterests(true, List.of()));
    cases.runJobs(repatriation);
    cases.escalateAndComplete(repatriation, "UserTask_IssueConsularDocuments", DESTINATION_ESCALATION,
        Map.of("travelDocumentType", "emergency-travel-document", "travelDocumentIssued", true));
    cases.escalateAndComplete(repatriation, "UserTask_PlanReturnTravel", DESTINATION_ESCALATION, Repatriations.travelPlan());
    cases.runJobs(repatriation);
    ProcessInstance origin = returns.receivingCase(caseInstance);
    assertThat(vault.sharesOf(caseInstance.getBusinessKey())).singleElement()
        .satisfies(share -> assertThat(share.institutions()).containsExactly("child-protection"));

    Task familyAssessment = cases.task(origin, "UserTask_AssessFamilyOrArrangeCare");
    assertThat(cases.groupOf(familyAssessment)).as("the origin's child-protection, before travel").isEqualTo("child-protection");
    assertThat(users.as("child-protection.cr", () -> engine.getTaskService().createTaskQuery().taskId(familyAssessment.getId()).count()))
        .isZero();
    assertThat(cases.tasksOf(repatriation)).as("no travel before the family assessment").doesNotContain("UserTask_ConfirmReturnTravel");
    cases.escalateAndComplete(origin, "UserTask_AssessFamilyOrArrangeCare", ORIGIN_ESCALATION,
        Map.of("familyAssessment", "family-reunification", "familyAssessmentReport", "Familia evaluada: entorno seguro"));
    cases.runJobs(origin);

    Task escort = cases.task(repatriation, "UserTask_ArrangeEscort");
    assertThat(cases.groupOf(escort)).isEqualTo("child-protection");
    cases.escalateAndComplete(repatriation, "UserTask_ArrangeEscort", DESTINATION_ESCALATION,
        Map.of("escortArranged", true, "escortInstitution", "PANI"));
    cases.runJobs(repatriation);
    assertThat(variable(repatriation, "returnTravelAllowed")).isEqualTo(true);
    cases.escalateAndComplete(repatriation, "UserTask_ConfirmReturnTravel", DESTINATION_ESCALATION, Repatriations.travel());
    cases.runJobs(repatriation);

    assertThat(engine.getRuntimeService().getVariable(origin.getId(), "escortInstitution")).isEqualTo("PANI");
    Task reception = cases.task(origin, "UserTask_ReceiveOnArrival");
    assertThat(cases.groupOf(reception)).as("a child is received by child-protection").isEqualTo("child-protection");
    cases.escalateAndComplete(origin, "UserTask_ReceiveOnArrival", ORIGIN_ESCALATION, Map.of("receivedOnArrival", true));
    cases.escalateAndComplete(origin, "UserTask_PlanReintegration", ORIGIN_ESCALATION, Repatriations.reintegrationPlan());
    cases.fireTimer(origin, "BoundaryEvent_CheckInDue");
    cases.leaveEscalationUnattended(origin, "UserTask_ReintegrationCheckIn", "UserTask_EscalateOverdueCheckIn",
        Map.of("reintegrationStatus", "on-track", "checkInNotes", "Asiste a la escuela"));
  }

  @Test
  void aReturnIsRefusedForFearOfReturnAndAnotherSolutionIsDecided() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "response-team");

    cases.leaveEscalationUnattended(repatriation, "UserTask_RecordInformedReturnDecision", DESTINATION_ESCALATION,
        Repatriations.informedDecision("GT", true, List.of()));
    cases.runJobs(repatriation);

    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_ReturnBlocked");
    assertThat(jdbc.queryForMap("select state, blocked_reason, escalations_raised, escalations_resolved from nrm_stat_return"
        + " where return_id = ?", repatriation.getId())).as("the return's statistics").containsEntry("state", "blocked")
        .containsEntry("blocked_reason", "return-risk").containsEntry("escalations_raised", 2).containsEntry("escalations_resolved", 2);
    Task decideAgain = cases.task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(blockedBy(caseInstance)).as("the reasons shown").anySatisfy(reason -> assertThat(reason).contains("No devolución"));
    assertThat(engine.getRuntimeService().getVariable(caseInstance.getId(), "consularNotificationAllowed"))
        .as("the consulate is not contacted").isEqualTo(false);
    assertThat(originCases()).as("nothing handed over").doesNotContain(caseInstance.getBusinessKey());
    assertThat(vault.sharesOf(caseInstance.getBusinessKey())).isEmpty();
    cases.complete(decideAgain, Map.of("durableSolution", "local-integration", "durableSolutionReason", "Teme regresar"));
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_PlanLocalIntegration"))).isEqualTo("social-welfare");
  }

  @Test
  void aReturnIsRefusedWhenTheRiskInTheCountryOfOriginIsHigh() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "response-team");

    cases.escalateAndComplete(repatriation, "UserTask_RecordInformedReturnDecision", DESTINATION_ESCALATION,
        Repatriations.informedDecision("GT", false, List.of("trafficking-network-in-origin")));
    cases.runJobs(repatriation);

    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_ReturnBlocked");
    assertThat(engine.getRuntimeService().getVariable(caseInstance.getId(), "returnRiskLevel")).isEqualTo("high");
    assertThat(blockedBy(caseInstance)).anySatisfy(reason -> assertThat(reason).contains("evaluación de riesgo"));
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_DecideDurableSolution"))).isEqualTo("response-team");
    assertThat(originCases()).doesNotContain(caseInstance.getBusinessKey());
  }

  @Test
  void aFailedReintegrationGoesToTheOriginsResponseTeamAndTheDestinationCaseCloses() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("stateless"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "response-team");
    cases.complete(cases.task(repatriation, "UserTask_RecordInformedReturnDecision"), Repatriations.informedDecision("GT", false, List.of()));
    cases.runJobs(repatriation);
    assertThat(cases.tasksOf(repatriation)).as("a stateless person has no consulate to notify")
        .containsExactly("UserTask_PlanReturnTravel");
    returns.planTravel(repatriation);
    ProcessInstance origin = returns.receivingCase(caseInstance);
    cases.runJobs(origin);
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_ConfirmReturnTravel"), Repatriations.travel());
    cases.runJobs(repatriation);
    cases.complete(cases.task(origin, "UserTask_ReceiveOnArrival"), Map.of("receivedOnArrival", true));
    planReintegration(origin);

    checkIn(origin, "failed");
    cases.runJobs(origin);

    Task response = cases.task(origin, "UserTask_RespondToFailedReintegration");
    assertThat(cases.groupOf(response)).as("the case is not lost").isEqualTo("response-team");
    assertThat(response.getTenantId()).isEqualTo("GT");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(origin.getId()).activityId("BoundaryEvent_CheckInDue")
        .count()).as("no more check-ins of a failed reintegration").isZero();
    Task closure = cases.task(caseInstance, "UserTask_CloseCase");
    assertThat(engine.getTaskService().getVariable(closure.getId(), "reintegrationOutcome")).isEqualTo("failed");
    cases.leaveEscalationUnattended(origin, "UserTask_RespondToFailedReintegration", ORIGIN_ESCALATION,
        Map.of("responseActions", "Protección inmediata y nueva derivación"));
    assertThat(cases.endOf(origin)).isEqualTo("EndEvent_FailedReintegrationAttended");
  }

  @Test
  void aChildWithoutASafePlacementInTheOriginIsNotReturned() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(childFrom("GT"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "child-protection");
    cases.complete(cases.task(repatriation, "UserTask_DetermineBestInterests"), bestInterests(true, List.of()));
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_IssueConsularDocuments"),
        Map.of("travelDocumentType", "passport", "travelDocumentIssued", true));
    returns.planTravel(repatriation);
    ProcessInstance origin = returns.receivingCase(caseInstance);

    cases.complete(cases.task(origin, "UserTask_AssessFamilyOrArrangeCare"),
        Map.of("familyAssessment", "no-safe-placement", "familyAssessmentReport", "Sin familia segura ni cuidado alternativo"));
    cases.runJobs(origin);
    assertThat(cases.endOf(origin)).isEqualTo("EndEvent_ReturnNotViable");
    cases.complete(cases.task(repatriation, "UserTask_ArrangeEscort"), Map.of("escortArranged", false));
    cases.runJobs(repatriation);

    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_ReturnTravelBlocked");
    assertThat(blockedBy(caseInstance)).anySatisfy(reason -> assertThat(reason).contains("evaluación familiar"));
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_DecideDurableSolution"))).isEqualTo("child-protection");
  }

  @Test
  void aHandOverToAJurisdictionNotConnectedFailsLoudlyAndLosesNothing() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("MX"));
    ProcessInstance repatriation = returns.chooseRepatriation(caseInstance, "response-team");
    cases.complete(cases.task(repatriation, "UserTask_RecordInformedReturnDecision"), Repatriations.informedDecision("MX", false, List.of()));
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_IssueConsularDocuments"),
        Map.of("travelDocumentType", "passport", "travelDocumentIssued", true));
    cases.complete(cases.task(repatriation, "UserTask_PlanReturnTravel"), Repatriations.travelPlan());

    var handOver = engine.getManagementService().createJobQuery().processInstanceId(repatriation.getId()).singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(handOver.getId()))
        .hasMessageContaining("MX no está conectado");

    assertThat(engine.getManagementService().createJobQuery().jobId(handOver.getId()).singleResult().getRetries())
        .as("retried later, then an incident in Cockpit").isGreaterThan(0);
    assertThat(vault.sharesOf(caseInstance.getBusinessKey())).as("no share recorded for a hand-over that failed").isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(repatriation.getId()).count()).isEqualTo(1);
  }

  @Test
  void everyWaitOnTheOtherCountryEscalatesToCoordinationAndTheAnswerStillArrivesWhileItActs() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.handedOverToGuatemala(caseInstance);
    ProcessInstance origin = returns.receivingCase(caseInstance);

    // Guatemala has not reported its reception ready (its job has not run): Costa Rica's coordination is asked
    Task unanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReceptionUnanswered", "UserTask_EscalateUnansweredReception");
    assertThat(unanswered.getName()).isEqualTo("Sin respuesta de GT: recepción no confirmada");
    assertThat(unanswered.getTenantId()).isEqualTo("CR");
    assertThat(engine.getTaskService().getVariable(unanswered.getId(), "awaitedAnswer").toString()).startsWith("Que la recepción");
    cases.fireTimer(repatriation, "BoundaryEvent_EscalateUnansweredReceptionOverdue");
    assertThat(engine.getTaskService().getVariable(cases.task(repatriation, DESTINATION_ESCALATION).getId(), "overdueTask"))
        .as("coordination reminded when it does not act").isEqualTo("Atender la falta de respuesta del país de origen");
    cases.complete(cases.task(repatriation, DESTINATION_ESCALATION), Map.of("escalationAction", "Llamamos a la coordinación"));

    cases.complete(unanswered, Map.of("unansweredDecision", "resend", "unansweredAction", "Reenviada tras llamar a GT"));
    cases.runJobs(repatriation);
    assertThat(originCases()).as("resent: no second case in Guatemala").containsOnlyOnce(caseInstance.getBusinessKey());
    assertThat(variable(repatriation, "originCaseId")).isEqualTo(origin.getBusinessKey());
    Date firstDeadline = waitDeadline(repatriation, "BoundaryEvent_ReceptionUnanswered");
    unanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReceptionUnanswered", "UserTask_EscalateUnansweredReception");
    cases.complete(unanswered, Map.of("unansweredDecision", "wait", "unansweredAction", "GT confirma la semana próxima"));
    assertThat(waitDeadline(repatriation, "BoundaryEvent_ReceptionUnanswered")).as("a new deadline").isAfter(firstDeadline);
    unanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReceptionUnanswered", "UserTask_EscalateUnansweredReception");

    cases.runJobs(origin);
    assertThat(cases.tasksOf(repatriation)).as("the answer closes coordination's task").doesNotContain("UserTask_EscalateUnansweredReception");
    cases.runJobs(repatriation);
    Task confirmation = cases.task(repatriation, "UserTask_ConfirmReturnTravel");

    // Costa Rica does not confirm the travel: Guatemala's coordination is asked
    Task travelUnanswered = returns.unansweredTask(origin, "BoundaryEvent_ReturnTravelUnanswered", "UserTask_EscalateUnansweredReturnTravel");
    assertThat(travelUnanswered.getName()).isEqualTo("Sin respuesta de CR: viaje de retorno no confirmado");
    assertThat(travelUnanswered.getTenantId()).isEqualTo("GT");
    assertThat(engine.getTaskService().getVariable(travelUnanswered.getId(), "unansweredCountry")).isEqualTo("CR");
    cases.fireTimer(origin, "BoundaryEvent_EscalateUnansweredReturnTravelOverdue");
    assertThat(engine.getTaskService().getVariable(cases.task(origin, ORIGIN_ESCALATION).getId(), "overdueTask"))
        .isEqualTo("Atender la falta de respuesta del país de destino");
    cases.complete(travelUnanswered, Map.of("unansweredDecision", "resend", "unansweredAction", "Reenviada la recepción preparada"));
    cases.runJobs(origin);
    assertThat(cases.tasksOf(repatriation)).as("Costa Rica had it: nothing changes there").containsExactly("UserTask_ConfirmReturnTravel");
    travelUnanswered = returns.unansweredTask(origin, "BoundaryEvent_ReturnTravelUnanswered", "UserTask_EscalateUnansweredReturnTravel");
    cases.complete(travelUnanswered, Map.of("unansweredDecision", "wait", "unansweredAction", "CR confirma el vuelo pronto"));
    returns.unansweredTask(origin, "BoundaryEvent_ReturnTravelUnanswered", "UserTask_EscalateUnansweredReturnTravel");
    cases.complete(confirmation, Repatriations.travel());
    cases.runJobs(repatriation);
    assertThat(cases.tasksOf(origin)).contains("UserTask_ReceiveOnArrival").doesNotContain("UserTask_EscalateUnansweredReturnTravel");

    // Guatemala does not report the reintegration: Costa Rica's coordination is asked, and the report still arrives
    Task outcomeUnanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReintegrationOutcomeUnanswered",
        "UserTask_EscalateUnansweredReintegrationOutcome");
    assertThat(outcomeUnanswered.getName()).isEqualTo("Sin respuesta de GT: resultado de la reintegración no informado");
    cases.fireTimer(repatriation, "BoundaryEvent_EscalateUnansweredReintegrationOutcomeOverdue");
    cases.complete(outcomeUnanswered, Map.of("unansweredDecision", "resend", "unansweredAction", "Reenviado el viaje confirmado"));
    cases.runJobs(repatriation);
    assertThat(cases.tasksOf(origin)).as("Guatemala had it: still one reception").containsOnlyOnce("UserTask_ReceiveOnArrival");
    outcomeUnanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReintegrationOutcomeUnanswered",
        "UserTask_EscalateUnansweredReintegrationOutcome");
    cases.complete(outcomeUnanswered, Map.of("unansweredDecision", "wait", "unansweredAction", "GT informa al cerrar el seguimiento"));
    returns.unansweredTask(repatriation, "BoundaryEvent_ReintegrationOutcomeUnanswered", "UserTask_EscalateUnansweredReintegrationOutcome");
    cases.complete(cases.task(origin, "UserTask_ReceiveOnArrival"), Map.of("receivedOnArrival", true));
    planReintegration(origin);
    checkIn(origin, "failed");
    cases.runJobs(origin);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(repatriation.getId())
        .activityId("EndEvent_Returned").finished().count()).as("returned (coordination's reminders still open)").isEqualTo(1);
    assertThat(variable(repatriation, "reintegrationOutcome")).isEqualTo("failed");
  }

  @Test
  void coordinationEndsAWaitForAReceptionWithItsReasonAndTheCaseGoesBackToTheDurableSolution() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.handedOverToGuatemala(caseInstance);
    Task unanswered = returns.unansweredTask(repatriation, "BoundaryEvent_ReceptionUnanswered", "UserTask_EscalateUnansweredReception");
    assertThat(users.as("coordination.cr", () -> engine.getTaskService().createTaskQuery().taskId(unanswered.getId()).count()))
        .as("Costa Rica's coordination sees it").isEqualTo(1);
    assertThat(users.as("coordination.gt", () -> engine.getTaskService().createTaskQuery().taskId(unanswered.getId()).count()))
        .as("Guatemala's does not").isZero();
    cases.complete(unanswered, Map.of("unansweredDecision", "end", "unansweredAction", "GT no responde desde hace dos meses"));

    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_ReceptionUnanswered");
    assertThat(blockedBy(caseInstance)).containsExactly("origin-unanswered");
    assertThat(variable(repatriation, "unansweredAction")).isEqualTo("GT no responde desde hace dos meses");
    assertThat(jdbc.queryForMap("select state, blocked_reason from nrm_stat_return where return_id = ?", repatriation.getId()))
        .containsEntry("state", "blocked").containsEntry("blocked_reason", "origin-unanswered");
    cases.task(caseInstance, "UserTask_DecideDurableSolution");
  }

  @Test
  void coordinationEndsTheWaitsForATravelAndForAReintegrationReportWithTheirReasons() throws Exception {
    ProcessInstance caseInstance = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    ProcessInstance repatriation = returns.handedOverToGuatemala(caseInstance);
    ProcessInstance origin = returns.receivingCase(caseInstance);
    cases.runJobs(origin);
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_ConfirmReturnTravel"), Repatriations.travel());
    cases.runJobs(repatriation);
    cases.complete(returns.unansweredTask(repatriation, "BoundaryEvent_ReintegrationOutcomeUnanswered",
        "UserTask_EscalateUnansweredReintegrationOutcome"), Map.of("unansweredDecision", "end", "unansweredAction", "Sin informe de GT"));
    assertThat(cases.endOf(repatriation)).isEqualTo("EndEvent_ReturnedWithoutOutcome");
    assertThat(jdbc.queryForMap("select state, reintegration_outcome from nrm_stat_return where return_id = ?", repatriation.getId()))
        .containsEntry("state", "returned").containsEntry("reintegration_outcome", null);
    Task closure = cases.task(caseInstance, "UserTask_CloseCase");
    assertThat(engine.getTaskService().getVariable(closure.getId(), "reintegrationOutcome")).isEqualTo("not-reported");

    ProcessInstance secondCase = returns.caseReadyForADurableSolution(Repatriations.adultFrom("GT"));
    returns.handedOverToGuatemala(secondCase);
    ProcessInstance secondOrigin = returns.receivingCase(secondCase);
    cases.runJobs(secondOrigin);
    cases.complete(returns.unansweredTask(secondOrigin, "BoundaryEvent_ReturnTravelUnanswered", "UserTask_EscalateUnansweredReturnTravel"),
        Map.of("unansweredDecision", "end", "unansweredAction", "CR canceló el retorno por teléfono"));
    assertThat(cases.endOf(secondOrigin)).isEqualTo("EndEvent_ReturnTravelUnanswered");
    assertThat(variable(secondOrigin, "receptionOutcome")).isEqualTo("travel-not-confirmed");
  }

  // --- the case up to its durable solution ------------------------------------------------------

  private static String childFrom(String nationality) {
    return """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "ngo-outreach",
         "detectionPlace": {"country": "CR", "region": "Puntarenas"}, "sex": "male", "ageYears": 14,
         "nationality": "%s", "migrationStatus": "irregular", "accompaniedBy": "none",
         "acts": ["transportation", "harbouring"], "purposes": ["forced-begging"], "needs": {"medicalUrgency": "none"},
         "wantsToFileComplaint": "no", "identity": {"givenNames": "Luis Retorno", "birthDate": "2012-03-04"}}
        """.formatted(nationality);
  }

  private static Map<String, Object> bestInterests(boolean inBestInterests, List<String> originRiskFactors) {
    return Map.of("bestInterestsDetermined", inBestInterests, "childViewsHeard", true, "fearOfReturn", false,
        "returnCountry", "GT", "originRiskFactors", originRiskFactors, "bestInterestsReasons", "Reunificación con su madre");
  }

  private void planReintegration(ProcessInstance origin) {
    Task plan = cases.task(origin, "UserTask_PlanReintegration");
    assertThat(cases.groupOf(plan)).isEqualTo("response-team");
    cases.complete(plan, Repatriations.reintegrationPlan());
  }

  /** The next check-in of the follow-up's timer cycle: every 90 days. */
  private void checkIn(ProcessInstance origin, String status) {
    cases.fireTimer(origin, "BoundaryEvent_CheckInDue");
    Task checkIn = cases.task(origin, "UserTask_ReintegrationCheckIn");
    assertThat(cases.groupOf(checkIn)).isEqualTo("response-team");
    cases.complete(checkIn, Map.of("reintegrationStatus", status, "checkInNotes", "Seguimiento en el domicilio"));
  }

  private Date waitDeadline(ProcessInstance instance, String deadline) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(deadline).timers()
        .singleResult().getDuedate();
  }

  private List<String> originCases() {
    List<String> referredFrom = new ArrayList<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("referredFromCase").list()
        .forEach(variable -> referredFrom.add((String) variable.getValue()));
    return referredFrom;
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private List<String> blockedBy(ProcessInstance caseInstance) throws Exception {
    Object reasons = engine.getRuntimeService().getVariable(caseInstance.getId(), "repatriationBlockedBy");
    List<String> list = new ArrayList<>();
    json.readTree(reasons.toString()).forEach(reason -> list.add(reason.asText()));
    return list;
  }
}
