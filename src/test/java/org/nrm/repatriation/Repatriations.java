package org.nrm.repatriation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.nrm.support.CaseDriver;

/** Cases taken through the real models to a repatriation and its waits on the origin country, for the tests. */
public final class Repatriations {

  private final ProcessEngine engine;
  private final CaseDriver cases;

  public Repatriations(ProcessEngine engine, CaseDriver cases) {
    this.engine = engine;
    this.cases = cases;
  }

  public ProcessInstance caseReadyForADurableSolution(String intake) throws Exception {
    return readyForADurableSolution(cases.open(intake));
  }

  /** A case opened by intake, identified, its care plan agreed and its referrals delivered. */
  public ProcessInstance readyForADurableSolution(ProcessInstance caseInstance) {
    cases.reviewAndIdentify(caseInstance, "identified");
    cases.agreeCarePlan(caseInstance);
    if (cases.tasksOf(caseInstance).contains("UserTask_DecideComplaintForChild")) {
      cases.complete(cases.task(caseInstance, "UserTask_DecideComplaintForChild"),
          Map.of("wantsToFileComplaint", "no", "complaintBestInterestsReason", "Por ahora no"));
    }
    cases.complete(cases.task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "not-wanted"));
    cases.deliverEveryReferral(caseInstance);
    return caseInstance;
  }

  public ProcessInstance chooseRepatriation(ProcessInstance caseInstance, String decidedBy) {
    Task decision = cases.task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(cases.groupOf(decision)).isEqualTo(decidedBy);
    cases.complete(decision, Map.of("durableSolution", "repatriation", "durableSolutionReason", "Desea volver con su familia"));
    ProcessInstance repatriation = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).processDefinitionKey("RepatriationProcess").singleResult();
    assertThat(repatriation.getTenantId()).as("the destination's tenant").isEqualTo("CR");
    return repatriation;
  }

  public static String adultFrom(String nationality) {
    return """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "labour-inspection",
         "detectionPlace": {"country": "CR", "region": "Alajuela"}, "sex": "female", "ageYears": 31, "languages": ["es"],
         "nationality": "%s", "migrationStatus": "irregular", "acts": ["recruitment", "harbouring"],
         "means": ["deception"], "purposes": ["forced-labour"], "needs": {"medicalUrgency": "none"},
         "wantsToFileComplaint": "no", "wishesToReturn": "yes",
         "identity": {"givenNames": "Ana Retorno", "familyNames": "Pérez", "documentNumber": "RET-0042",
                      "phone": "+506 8888 0000", "currentLocation": "Albergue San José"}}
        """.formatted(nationality);
  }

  public static Map<String, Object> informedDecision(String returnCountry, boolean fearOfReturn, List<String> originRiskFactors) {
    return Map.of("wishesToReturn", "yes", "informedInOwnLanguage", true, "fearOfReturn", fearOfReturn,
        "returnCountry", returnCountry, "originRiskFactors", originRiskFactors, "returnDecisionNotes", "Decidido con la persona");
  }

  static Map<String, Object> travelPlan() {
    return Map.of("plannedDepartureDate", "2027-02-01", "arrivalPlace", "Aeropuerto La Aurora",
        "travelArrangements", "Vuelo comercial, asistencia en tránsito");
  }

  public void planTravel(ProcessInstance repatriation) {
    Task plan = cases.task(repatriation, "UserTask_PlanReturnTravel");
    assertThat(cases.groupOf(plan)).isEqualTo("iom");
    cases.complete(plan, travelPlan());
    cases.runJobs(repatriation);
  }

  /** An adult's return to Guatemala up to its hand-over: the origin's case is open, its reception not yet reported. */
  public ProcessInstance handedOverToGuatemala(ProcessInstance caseInstance) {
    ProcessInstance repatriation = chooseRepatriation(caseInstance, "response-team");
    cases.complete(cases.task(repatriation, "UserTask_RecordInformedReturnDecision"), informedDecision("GT", false, List.of()));
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_IssueConsularDocuments"),
        Map.of("travelDocumentType", "passport", "travelDocumentIssued", true));
    planTravel(repatriation);
    return repatriation;
  }

  /** The wait's deadline passes: coordination of the waiting side gets its task. */
  public Task unansweredTask(ProcessInstance instance, String deadline, String taskKey) {
    cases.fireTimer(instance, deadline);
    Task task = cases.task(instance, taskKey);
    assertThat(cases.groupOf(task)).isEqualTo("coordination");
    return task;
  }

  /**
   * An adult returned to Guatemala and received there, its reintegration plan agreed: the origin's
   * case (returned) waits in its follow-up period, for the check-ins of its timer cycle.
   */
  public ProcessInstance inReintegrationFollowUp(ProcessInstance caseInstance) {
    ProcessInstance repatriation = handedOverToGuatemala(caseInstance);
    ProcessInstance origin = receivingCase(caseInstance);
    cases.runJobs(origin);
    cases.runJobs(repatriation);
    cases.complete(cases.task(repatriation, "UserTask_ConfirmReturnTravel"), travel());
    cases.runJobs(repatriation);
    cases.complete(cases.task(origin, "UserTask_ReceiveOnArrival"), Map.of("receivedOnArrival", true));
    cases.complete(cases.task(origin, "UserTask_PlanReintegration"), reintegrationPlan());
    assertThat(engine.getRuntimeService().getActiveActivityIds(origin.getId())).contains("ReceiveTask_FollowUpPeriod");
    return origin;
  }

  public static Map<String, Object> travel() {
    return Map.of("departureAt", "2027-02-01T08:00:00", "arrivalAt", "2027-02-01T09:30:00", "flightDetails", "TA 390");
  }

  public static Map<String, Object> reintegrationPlan() {
    return Map.of("reintegrationServices", List.of("psychological", "livelihood"), "reintegrationPlan", "Plan acordado con la persona");
  }

  public ProcessInstance receivingCase(ProcessInstance caseInstance) {
    ProcessInstance origin = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("ReceptionAndReintegrationProcess")
        .variableValueEquals("referredFromCase", caseInstance.getBusinessKey()).singleResult();
    assertThat(origin).as("the case handed over to the origin").isNotNull();
    return origin;
  }
}
