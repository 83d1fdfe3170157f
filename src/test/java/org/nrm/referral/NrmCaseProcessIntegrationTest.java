package org.nrm.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
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
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Cases from the intake API through the real models: who gets which task, on which route. */
@NrmIntegrationTest
class NrmCaseProcessIntegrationTest {

  static final String ADULT_FOREIGN_VICTIM = """
      {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "labour-inspection",
       "detectionPlace": {"country": "CR", "region": "Alajuela"}, "sex": "male", "ageYears": 34,
       "nationality": "NI", "migrationStatus": "irregular", "acts": ["recruitment", "harbouring"],
       "means": ["deception", "coercion"], "purposes": ["forced-labour"], "riskFactors": ["documents-retained"],
       "needs": {"medicalUrgency": "none", "legal": true}, "wantsToFileComplaint": "yes", "wishesToReturn": "no",
       "identity": {"givenNames": "Ramiro Caso Completo", "documentNumber": "FULLCASE-0077"}}
      """;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  CaseDriver cases;

  @BeforeEach
  void driveCasesThroughTheModels() {
    cases = new CaseDriver(engine, rest, json);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void anIdentifiedAdultForeignVictimGetsReferralsAComplaintWithProtectionAndRegularisation() throws Exception {
    ProcessInstance caseInstance = cases.open(ADULT_FOREIGN_VICTIM);
    cases.reviewAndIdentify(caseInstance, "identified");
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_AgreeCarePlan"))).isEqualTo("response-team");
    cases.agreeCarePlan(caseInstance, "shelter");

    Date recoveryPeriodEnd = (Date) engine.getRuntimeService().getVariable(caseInstance.getId(), "recoveryPeriodEndsAt");
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), recoveryPeriodEnd.toInstant()).toMinutes())
        .as("the recovery and reflection period: 30 days").isBetween(30L * 24 * 60 - 1, 30L * 24 * 60);
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_ReceiveComplaint"))).isEqualTo("prosecution");
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_ApplyProtectionMeasures"))).isEqualTo("police");
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_RegulariseMigrationStatus"))).isEqualTo("migration");
    assertThat(referralInstitutions(caseInstance)).as("the rules' referrals and the care plan's")
        .contains("response-team", "labour", "legal-aid", "migration", "shelter");

    cases.complete(cases.task(caseInstance, "UserTask_ReceiveComplaint"), Map.of("complaintRegistered", true, "complaintNumber", "EXP-1"));
    cases.complete(cases.task(caseInstance, "UserTask_ApplyProtectionMeasures"), Map.of("protectionMeasures", List.of("safe-location")));
    cases.complete(cases.task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "procedure-started"));
    cases.deliverEveryReferral(caseInstance);

    Task durableSolution = cases.task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(cases.groupOf(durableSolution)).isEqualTo("response-team");
    cases.complete(durableSolution, Map.of("durableSolution", "local-integration", "durableSolutionReason", "Decidido con la persona"));
    cases.complete(cases.task(caseInstance, "UserTask_PlanLocalIntegration"), Map.of("integrationPlanAgreed", true));
    followUpAndClose(caseInstance);

    assertThat(cases.endOf(caseInstance)).isEqualTo("EndEvent_CaseClosed");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(caseInstance.getId())
        .variableName("followUpCheckIns").singleResult().getValue()).as("a check-in every 3 months for 12 months").isEqualTo(4L);
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_ge_bytearray", "act_hi_procinst",
        "act_hi_taskinst", "act_hi_op_log")) {
      List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
      String contents = rows.toString() + rows.stream().flatMap(row -> row.values().stream())
          .filter(byte[].class::isInstance).map(bytes -> new String((byte[]) bytes)).toList();
      assertThat(contents).as("no identity in " + table + " after a full case").doesNotContain("Ramiro Caso Completo", "FULLCASE-0077");
    }
  }

  @Test
  void aChildsDurableSolutionIsDecidedByChildProtectionAndARefusedReturnIsDecidedAgain() throws Exception {
    ProcessInstance caseInstance = cases.open(childIntake("no"));
    cases.reviewAndIdentify(caseInstance, "identified");
    cases.agreeCarePlan(caseInstance);
    cases.complete(cases.task(caseInstance, "UserTask_DecideComplaintForChild"), Map.of("wantsToFileComplaint", "no",
        "complaintBestInterestsReason", "Por ahora no"));
    cases.complete(cases.task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "procedure-started"));
    cases.deliverEveryReferral(caseInstance);

    Task decision = cases.task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(cases.groupOf(decision)).isEqualTo("child-protection");
    cases.complete(decision, Map.of("durableSolution", "repatriation", "durableSolutionReason", "La familia lo pide"));
    ProcessInstance repatriation = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).processDefinitionKey("RepatriationProcess").singleResult();
    cases.complete(cases.task(repatriation, "UserTask_DetermineBestInterests"), Map.of("bestInterestsDetermined", false,
        "childViewsHeard", true, "returnCountry", "HN", "bestInterestsReasons", "El retorno no le conviene"));
    cases.runJobs(repatriation);

    Task decidedAgain = cases.task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(cases.groupOf(decidedAgain)).as("not returned without best-interests determination: decide again")
        .isEqualTo("child-protection");
    cases.complete(decidedAgain, Map.of("durableSolution", "third-country", "durableSolutionReason", "Reunificación familiar"));
    cases.escalateAndComplete(caseInstance, "UserTask_CoordinateThirdCountry", "UserTask_EscalateOverdueTask", Map.of("thirdCountry", "US"));

    assertThat(checkInScheduled(caseInstance)).as("follow-up starts").isTrue();
  }

  @Test
  void anAdultWhoDeclinesToFileAComplaintIsAssistedAllTheSame() throws Exception {
    ProcessInstance declines = cases.open(ADULT_FOREIGN_VICTIM.replace("\"wantsToFileComplaint\": \"yes\"", "\"wantsToFileComplaint\": \"no\"")
        .replace("\"nationality\": \"NI\", \"migrationStatus\": \"irregular\"", "\"nationality\": \"CR\", \"migrationStatus\": \"national\""));
    ProcessInstance files = cases.open(ADULT_FOREIGN_VICTIM.replace("\"nationality\": \"NI\", \"migrationStatus\": \"irregular\"",
        "\"nationality\": \"CR\", \"migrationStatus\": \"national\""));
    cases.reviewAndIdentify(declines, "identified");
    cases.reviewAndIdentify(files, "identified");
    cases.agreeCarePlan(declines);
    cases.agreeCarePlan(files);

    assertThat(cases.tasksOf(declines)).doesNotContain("UserTask_ReceiveComplaint", "UserTask_ApplyProtectionMeasures",
        "UserTask_RegulariseMigrationStatus");
    assertThat(cases.tasksOf(files)).contains("UserTask_ReceiveComplaint", "UserTask_ApplyProtectionMeasures");
    assertThat(referralInstitutions(declines)).isNotEmpty().isEqualTo(referralInstitutions(files));

    cases.deliverEveryReferral(declines);
    assertThat(cases.groupOf(cases.task(declines, "UserTask_DecideDurableSolution"))).isEqualTo("response-team");
  }

  @Test
  void forAChildChildProtectionDecidesOnTheComplaintNotTheIntake() throws Exception {
    ProcessInstance caseInstance = cases.open(childIntake("no"));
    cases.reviewAndIdentify(caseInstance, "identified");
    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_AgreeCarePlan"))).as("a child's plan").isEqualTo("child-protection");
    cases.agreeCarePlan(caseInstance);

    Task decision = cases.task(caseInstance, "UserTask_DecideComplaintForChild");
    assertThat(cases.groupOf(decision)).isEqualTo("child-protection");
    assertThat(cases.tasksOf(caseInstance)).doesNotContain("UserTask_ReceiveComplaint");
    cases.complete(decision, Map.of("wantsToFileComplaint", "yes", "complaintBestInterestsReason", "Protege a otras niñas"));

    assertThat(cases.groupOf(cases.task(caseInstance, "UserTask_ReceiveComplaint"))).isEqualTo("prosecution");
    assertThat(referralInstitutions(caseInstance)).contains("child-protection");
  }

  @Test
  void aPersonNotIdentifiedIsStillAssistedByNeeds() throws Exception {
    ProcessInstance caseInstance = cases.open(ADULT_FOREIGN_VICTIM);
    cases.reviewAndIdentify(caseInstance, "not-identified");

    assertThat(cases.tasksOf(caseInstance)).doesNotContain("UserTask_ReceiveComplaint", "UserTask_RegulariseMigrationStatus");
    assertThat(referralInstitutions(caseInstance)).isNotEmpty();
    cases.deliverEveryReferral(caseInstance);
    assertThat(cases.endOf(caseInstance)).isEqualTo("EndEvent_ServicesReferred");
  }

  @Test
  void aSmuggledMigrantInNeedIsReferredForHumanitarianAssistanceWithoutIdentification() throws Exception {
    ProcessInstance caseInstance = cases.open("""
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "border-control",
         "detectionPlace": {"country": "CR", "region": "Guanacaste"}, "sex": "female", "ageYears": 27,
         "nationality": "VE", "migrationStatus": "irregular", "acts": ["transportation"], "crossedBorder": true,
         "smuggling": {"paidForIrregularEntry": true, "consentedToMovement": true, "movementEndedOnArrival": true},
         "needs": {"medicalUrgency": "urgent"}}
        """);
    cases.runJobs(caseInstance);
    cases.complete(cases.task(caseInstance, "UserTask_ReviewScreening"), Map.of("immediateAssistanceCoordinated", true));
    cases.runJobs(caseInstance);

    assertThat(cases.tasksOf(caseInstance)).doesNotContain("UserTask_DecideIdentification");
    assertThat(referralInstitutions(caseInstance)).containsExactlyInAnyOrder("health", "social-welfare");
    cases.deliverEveryReferral(caseInstance);
    assertThat(cases.endOf(caseInstance)).isEqualTo("EndEvent_ServicesReferred");
  }

  @Test
  void everyOverdueTaskIsEscalatedToCoordinationAndStaysOpen() throws Exception {
    ProcessInstance caseInstance = cases.open(childIntake("yes"));
    cases.runJobs(caseInstance);

    cases.escalateAndComplete(caseInstance, "UserTask_ReviewScreening", "UserTask_EscalateOverdueTask", Map.of("immediateAssistanceCoordinated", true));
    cases.escalateAndComplete(caseInstance, "UserTask_DecideIdentification", "UserTask_EscalateOverdueTask",
        Map.of("identificationDecision", "identified", "identificationReason", "Acto y fin presentes"));
    cases.escalateAndComplete(caseInstance, "UserTask_AgreeCarePlan", "UserTask_EscalateOverdueTask",
        Map.of("needsAssessment", "Necesidades evaluadas", "carePlanInstitutions", List.of()));
    cases.escalateAndComplete(caseInstance, "UserTask_DecideComplaintForChild", "UserTask_EscalateOverdueTask",
        Map.of("wantsToFileComplaint", "yes", "complaintBestInterestsReason", "Interés superior"));
    cases.escalateAndComplete(caseInstance, "UserTask_ReceiveComplaint", "UserTask_EscalateOverdueTask", Map.of("complaintRegistered", true, "complaintNumber", "EXP-2"));
    cases.escalateAndComplete(caseInstance, "UserTask_ApplyProtectionMeasures", "UserTask_EscalateOverdueTask", Map.of("protectionMeasures", List.of("police-escort")));
    cases.escalateAndComplete(caseInstance, "UserTask_RegulariseMigrationStatus", "UserTask_EscalateOverdueTask", Map.of("regularisationStatus", "procedure-started"));
    cases.deliverEveryReferral(caseInstance);
    cases.escalateAndComplete(caseInstance, "UserTask_DecideDurableSolution", "UserTask_EscalateOverdueTask",
        Map.of("durableSolution", "local-integration", "durableSolutionReason", "Interés superior"));
    cases.escalateAndComplete(caseInstance, "UserTask_PlanLocalIntegration", "UserTask_EscalateOverdueTask", Map.of("integrationPlanAgreed", true));
    fireNextCheckIn(caseInstance);
    cases.escalateAndComplete(caseInstance, "UserTask_FollowUpCheckIn", "UserTask_EscalateOverdueTask", Map.of("checkInStatus", "stable"));
    for (int checkIn = 2; checkIn <= 4; checkIn++) {
      fireNextCheckIn(caseInstance);
      cases.complete(cases.task(caseInstance, "UserTask_FollowUpCheckIn"), Map.of("checkInStatus", "stable"));
    }
    cases.escalateAndComplete(caseInstance, "UserTask_CloseCase", "UserTask_EscalateOverdueTask", Map.of("caseOutcome", "durable-solution-achieved"));
    assertThat(cases.endOf(caseInstance)).isEqualTo("EndEvent_CaseClosed");
  }

  private void followUpAndClose(ProcessInstance caseInstance) {
    for (int checkIn = 1; checkIn <= 4; checkIn++) {
      fireNextCheckIn(caseInstance);
      Task followUp = cases.task(caseInstance, "UserTask_FollowUpCheckIn");
      assertThat(cases.groupOf(followUp)).isEqualTo("response-team");
      cases.complete(followUp, Map.of("checkInStatus", "stable"));
    }
    cases.complete(cases.task(caseInstance, "UserTask_CloseCase"), Map.of("caseOutcome", "durable-solution-achieved"));
  }

  /** Moves the clock to the next follow-up check-in (every 3 months) and runs it. */
  private void fireNextCheckIn(ProcessInstance caseInstance) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId())
        .activityId("TimerEvent_NextCheckIn").singleResult();
    assertThat(timer).as("a check-in is scheduled").isNotNull();
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()).toDays())
        .isBetween(89L, 90L);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + Duration.ofMinutes(1).toMillis()));
    cases.runJobs(caseInstance);
  }

  private boolean checkInScheduled(ProcessInstance caseInstance) {
    return engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId())
        .activityId("TimerEvent_NextCheckIn").count() == 1;
  }

  @Test
  void anEscalationLeftUnattendedRemindsCoordinationAndStaysOpen() throws Exception {
    ProcessInstance caseInstance = cases.open(ADULT_FOREIGN_VICTIM);
    cases.runJobs(caseInstance);
    Task review = cases.task(caseInstance, "UserTask_ReviewScreening");
    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    cases.runJobs(caseInstance);
    Task escalation = cases.task(caseInstance, "UserTask_EscalateOverdueTask");
    assertThat(escalation.getDueDate()).as("an escalation is due too").isNotNull();

    ClockUtil.setCurrentTime(new Date(escalation.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    cases.runJobs(caseInstance);

    Task reminder = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskName("Tarea vencida: una escalación sin atender").singleResult();
    assertThat(cases.groupOf(reminder)).isEqualTo("coordination");
    assertThat(engine.getTaskService().createTaskQuery().taskId(escalation.getId()).count()).as("stays open").isEqualTo(1);
    cases.complete(reminder, Map.of("escalationAction", "Atendida"));
    cases.complete(escalation, Map.of("escalationAction", "Atendida"));
  }




  private static String childIntake(String wantsToFileComplaint) {
    return """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "ngo-outreach",
         "detectionPlace": {"country": "CR", "region": "Puntarenas"}, "sex": "male", "ageYears": 14,
         "nationality": "HN", "migrationStatus": "irregular", "accompaniedBy": "none",
         "acts": ["transportation", "harbouring"], "purposes": ["forced-begging"],
         "needs": {"medicalUrgency": "urgent", "shelter": true}, "wantsToFileComplaint": "%s"}
        """.formatted(wantsToFileComplaint);
  }






  private List<String> referralInstitutions(ProcessInstance caseInstance) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId()).list().stream()
        .map(referral -> (String) engine.getRuntimeService().getVariable(referral.getId(), "institution")).sorted().toList();
  }



}
