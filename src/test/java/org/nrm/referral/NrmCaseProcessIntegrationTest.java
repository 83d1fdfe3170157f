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
import org.junit.jupiter.api.Test;
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

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void anIdentifiedAdultForeignVictimGetsReferralsAComplaintWithProtectionAndRegularisation() throws Exception {
    ProcessInstance caseInstance = open(ADULT_FOREIGN_VICTIM);
    reviewAndIdentify(caseInstance, "identified");
    assertThat(groupOf(task(caseInstance, "UserTask_AgreeCarePlan"))).isEqualTo("response-team");
    agreeCarePlan(caseInstance, "shelter");

    Date recoveryPeriodEnd = (Date) engine.getRuntimeService().getVariable(caseInstance.getId(), "recoveryPeriodEndsAt");
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), recoveryPeriodEnd.toInstant()).toMinutes())
        .as("the recovery and reflection period: 30 days").isBetween(30L * 24 * 60 - 1, 30L * 24 * 60);
    assertThat(groupOf(task(caseInstance, "UserTask_ReceiveComplaint"))).isEqualTo("prosecution");
    assertThat(groupOf(task(caseInstance, "UserTask_ApplyProtectionMeasures"))).isEqualTo("police");
    assertThat(groupOf(task(caseInstance, "UserTask_RegulariseMigrationStatus"))).isEqualTo("migration");
    assertThat(referralInstitutions(caseInstance)).as("the rules' referrals and the care plan's")
        .contains("response-team", "labour", "legal-aid", "migration", "shelter");

    complete(task(caseInstance, "UserTask_ReceiveComplaint"), Map.of("complaintRegistered", true, "complaintNumber", "EXP-1"));
    complete(task(caseInstance, "UserTask_ApplyProtectionMeasures"), Map.of("protectionMeasures", List.of("safe-location")));
    complete(task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "procedure-started"));
    deliverEveryReferral(caseInstance);

    Task durableSolution = task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(groupOf(durableSolution)).isEqualTo("response-team");
    complete(durableSolution, Map.of("durableSolution", "local-integration", "durableSolutionReason", "Decidido con la persona"));
    complete(task(caseInstance, "UserTask_PlanLocalIntegration"), Map.of("integrationPlanAgreed", true));
    followUpAndClose(caseInstance);

    assertThat(endOf(caseInstance)).isEqualTo("EndEvent_CaseClosed");
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
    ProcessInstance caseInstance = open(childIntake("no"));
    reviewAndIdentify(caseInstance, "identified");
    agreeCarePlan(caseInstance);
    complete(task(caseInstance, "UserTask_DecideComplaintForChild"), Map.of("wantsToFileComplaint", "no",
        "complaintBestInterestsReason", "Por ahora no"));
    complete(task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "procedure-started"));
    deliverEveryReferral(caseInstance);

    Task decision = task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(groupOf(decision)).isEqualTo("child-protection");
    assertThat(engine.getRuntimeService().getVariable(caseInstance.getId(), "repatriationAllowed")).isEqualTo(false);
    complete(decision, Map.of("durableSolution", "repatriation", "durableSolutionReason", "La familia lo pide"));

    Task decidedAgain = task(caseInstance, "UserTask_DecideDurableSolution");
    assertThat(groupOf(decidedAgain)).as("not returned without best-interests determination: decide again")
        .isEqualTo("child-protection");
    complete(decidedAgain, Map.of("durableSolution", "third-country", "durableSolutionReason", "Reunificación familiar"));
    escalateAndComplete(caseInstance, "UserTask_CoordinateThirdCountry", Map.of("thirdCountry", "US"));

    assertThat(checkInScheduled(caseInstance)).as("follow-up starts").isTrue();
  }

  @Test
  void anAllowedReturnIsHandedOverToTheRepatriationProtocol() throws Exception {
    ProcessInstance caseInstance = open(ADULT_FOREIGN_VICTIM.replace("\"wishesToReturn\": \"no\"", "\"wishesToReturn\": \"yes\"")
        .replace("\"wantsToFileComplaint\": \"yes\"", "\"wantsToFileComplaint\": \"no\""));
    reviewAndIdentify(caseInstance, "identified");
    agreeCarePlan(caseInstance);
    complete(task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "not-wanted"));
    deliverEveryReferral(caseInstance);
    assertThat(engine.getRuntimeService().getVariable(caseInstance.getId(), "repatriationAllowed")).isEqualTo(true);

    complete(task(caseInstance, "UserTask_DecideDurableSolution"), Map.of("durableSolution", "repatriation",
        "durableSolutionReason", "Desea volver con su familia"));
    ProcessInstance repatriation = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).processDefinitionKey("RepatriationProcess").singleResult();
    Task preparation = engine.getTaskService().createTaskQuery().processInstanceId(repatriation.getId()).singleResult();
    assertThat(groupOf(preparation)).isEqualTo("iom");

    ClockUtil.setCurrentTime(new Date(preparation.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    engine.getManagementService().createJobQuery().processInstanceId(repatriation.getId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(repatriation.getId())
        .taskDefinitionKey("UserTask_EscalateOverdueRepatriation").singleResult();
    assertThat(groupOf(escalation)).isEqualTo("coordination");
    ClockUtil.setCurrentTime(new Date(escalation.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    engine.getManagementService().createJobQuery().processInstanceId(repatriation.getId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    List<Task> escalations = engine.getTaskService().createTaskQuery().processInstanceId(repatriation.getId())
        .taskDefinitionKey("UserTask_EscalateOverdueRepatriation").list();
    assertThat(escalations).as("the unattended escalation and its reminder").hasSize(2);
    escalations.forEach(open -> complete(open, Map.of("escalationAction", "Llamada a la OIM")));
    complete(preparation, Map.of("repatriationPrepared", true));

    assertThat(checkInScheduled(caseInstance)).as("follow-up starts").isTrue();
  }

  @Test
  void anAdultWhoDeclinesToFileAComplaintIsAssistedAllTheSame() throws Exception {
    ProcessInstance declines = open(ADULT_FOREIGN_VICTIM.replace("\"wantsToFileComplaint\": \"yes\"", "\"wantsToFileComplaint\": \"no\"")
        .replace("\"nationality\": \"NI\", \"migrationStatus\": \"irregular\"", "\"nationality\": \"CR\", \"migrationStatus\": \"national\""));
    ProcessInstance files = open(ADULT_FOREIGN_VICTIM.replace("\"nationality\": \"NI\", \"migrationStatus\": \"irregular\"",
        "\"nationality\": \"CR\", \"migrationStatus\": \"national\""));
    reviewAndIdentify(declines, "identified");
    reviewAndIdentify(files, "identified");
    agreeCarePlan(declines);
    agreeCarePlan(files);

    assertThat(tasksOf(declines)).doesNotContain("UserTask_ReceiveComplaint", "UserTask_ApplyProtectionMeasures",
        "UserTask_RegulariseMigrationStatus");
    assertThat(tasksOf(files)).contains("UserTask_ReceiveComplaint", "UserTask_ApplyProtectionMeasures");
    assertThat(referralInstitutions(declines)).isNotEmpty().isEqualTo(referralInstitutions(files));

    deliverEveryReferral(declines);
    assertThat(groupOf(task(declines, "UserTask_DecideDurableSolution"))).isEqualTo("response-team");
  }

  @Test
  void forAChildChildProtectionDecidesOnTheComplaintNotTheIntake() throws Exception {
    ProcessInstance caseInstance = open(childIntake("no"));
    reviewAndIdentify(caseInstance, "identified");
    assertThat(groupOf(task(caseInstance, "UserTask_AgreeCarePlan"))).as("a child's plan").isEqualTo("child-protection");
    agreeCarePlan(caseInstance);

    Task decision = task(caseInstance, "UserTask_DecideComplaintForChild");
    assertThat(groupOf(decision)).isEqualTo("child-protection");
    assertThat(tasksOf(caseInstance)).doesNotContain("UserTask_ReceiveComplaint");
    complete(decision, Map.of("wantsToFileComplaint", "yes", "complaintBestInterestsReason", "Protege a otras niñas"));

    assertThat(groupOf(task(caseInstance, "UserTask_ReceiveComplaint"))).isEqualTo("prosecution");
    assertThat(referralInstitutions(caseInstance)).contains("child-protection");
  }

  @Test
  void aPersonNotIdentifiedIsStillAssistedByNeeds() throws Exception {
    ProcessInstance caseInstance = open(ADULT_FOREIGN_VICTIM);
    reviewAndIdentify(caseInstance, "not-identified");

    assertThat(tasksOf(caseInstance)).doesNotContain("UserTask_ReceiveComplaint", "UserTask_RegulariseMigrationStatus");
    assertThat(referralInstitutions(caseInstance)).isNotEmpty();
    deliverEveryReferral(caseInstance);
    assertThat(endOf(caseInstance)).isEqualTo("EndEvent_ServicesReferred");
  }

  @Test
  void aSmuggledMigrantInNeedIsReferredForHumanitarianAssistanceWithoutIdentification() throws Exception {
    ProcessInstance caseInstance = open("""
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "border-control",
         "detectionPlace": {"country": "CR", "region": "Guanacaste"}, "sex": "female", "ageYears": 27,
         "nationality": "VE", "migrationStatus": "irregular", "acts": ["transportation"], "crossedBorder": true,
         "smuggling": {"paidForIrregularEntry": true, "consentedToMovement": true, "movementEndedOnArrival": true},
         "needs": {"medicalUrgency": "urgent"}}
        """);
    runJobs(caseInstance);
    complete(task(caseInstance, "UserTask_ReviewScreening"), Map.of("immediateAssistanceCoordinated", true));
    runJobs(caseInstance);

    assertThat(tasksOf(caseInstance)).doesNotContain("UserTask_DecideIdentification");
    assertThat(referralInstitutions(caseInstance)).containsExactlyInAnyOrder("health", "social-welfare");
    deliverEveryReferral(caseInstance);
    assertThat(endOf(caseInstance)).isEqualTo("EndEvent_ServicesReferred");
  }

  @Test
  void everyOverdueTaskIsEscalatedToCoordinationAndStaysOpen() throws Exception {
    ProcessInstance caseInstance = open(childIntake("yes"));
    runJobs(caseInstance);

    escalateAndComplete(caseInstance, "UserTask_ReviewScreening", Map.of("immediateAssistanceCoordinated", true));
    escalateAndComplete(caseInstance, "UserTask_DecideIdentification",
        Map.of("identificationDecision", "identified", "identificationReason", "Acto y fin presentes"));
    escalateAndComplete(caseInstance, "UserTask_AgreeCarePlan",
        Map.of("needsAssessment", "Necesidades evaluadas", "carePlanInstitutions", List.of()));
    escalateAndComplete(caseInstance, "UserTask_DecideComplaintForChild",
        Map.of("wantsToFileComplaint", "yes", "complaintBestInterestsReason", "Interés superior"));
    escalateAndComplete(caseInstance, "UserTask_ReceiveComplaint", Map.of("complaintRegistered", true, "complaintNumber", "EXP-2"));
    escalateAndComplete(caseInstance, "UserTask_ApplyProtectionMeasures", Map.of("protectionMeasures", List.of("police-escort")));
    escalateAndComplete(caseInstance, "UserTask_RegulariseMigrationStatus", Map.of("regularisationStatus", "procedure-started"));
    deliverEveryReferral(caseInstance);
    escalateAndComplete(caseInstance, "UserTask_DecideDurableSolution",
        Map.of("durableSolution", "local-integration", "durableSolutionReason", "Interés superior"));
    escalateAndComplete(caseInstance, "UserTask_PlanLocalIntegration", Map.of("integrationPlanAgreed", true));
    fireNextCheckIn(caseInstance);
    escalateAndComplete(caseInstance, "UserTask_FollowUpCheckIn", Map.of("checkInStatus", "stable"));
    for (int checkIn = 2; checkIn <= 4; checkIn++) {
      fireNextCheckIn(caseInstance);
      complete(task(caseInstance, "UserTask_FollowUpCheckIn"), Map.of("checkInStatus", "stable"));
    }
    escalateAndComplete(caseInstance, "UserTask_CloseCase", Map.of("caseOutcome", "durable-solution-achieved"));
    assertThat(endOf(caseInstance)).isEqualTo("EndEvent_CaseClosed");
  }

  private void followUpAndClose(ProcessInstance caseInstance) {
    for (int checkIn = 1; checkIn <= 4; checkIn++) {
      fireNextCheckIn(caseInstance);
      Task followUp = task(caseInstance, "UserTask_FollowUpCheckIn");
      assertThat(groupOf(followUp)).isEqualTo("response-team");
      complete(followUp, Map.of("checkInStatus", "stable"));
    }
    complete(task(caseInstance, "UserTask_CloseCase"), Map.of("caseOutcome", "durable-solution-achieved"));
  }

  /** Moves the clock to the next follow-up check-in (every 3 months) and runs it. */
  private void fireNextCheckIn(ProcessInstance caseInstance) {
    var timer = engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId())
        .activityId("TimerEvent_NextCheckIn").singleResult();
    assertThat(timer).as("a check-in is scheduled").isNotNull();
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()).toDays())
        .isBetween(89L, 90L);
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + Duration.ofMinutes(1).toMillis()));
    runJobs(caseInstance);
  }

  private boolean checkInScheduled(ProcessInstance caseInstance) {
    return engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId())
        .activityId("TimerEvent_NextCheckIn").count() == 1;
  }

  @Test
  void anEscalationLeftUnattendedRemindsCoordinationAndStaysOpen() throws Exception {
    ProcessInstance caseInstance = open(ADULT_FOREIGN_VICTIM);
    runJobs(caseInstance);
    Task review = task(caseInstance, "UserTask_ReviewScreening");
    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    runJobs(caseInstance);
    Task escalation = task(caseInstance, "UserTask_EscalateOverdueTask");
    assertThat(escalation.getDueDate()).as("an escalation is due too").isNotNull();

    ClockUtil.setCurrentTime(new Date(escalation.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    runJobs(caseInstance);

    Task reminder = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskName("Tarea vencida: una escalación sin atender").singleResult();
    assertThat(groupOf(reminder)).isEqualTo("coordination");
    assertThat(engine.getTaskService().createTaskQuery().taskId(escalation.getId()).count()).as("stays open").isEqualTo(1);
    complete(reminder, Map.of("escalationAction", "Atendida"));
    complete(escalation, Map.of("escalationAction", "Atendida"));
  }

  /** Moves the clock past the task's due date: coordination gets an escalation, the task stays open. */
  private void escalateAndComplete(ProcessInstance caseInstance, String taskKey, Map<String, Object> variables) {
    runJobs(caseInstance);
    Task overdue = task(caseInstance, taskKey);
    assertThat(overdue.getDueDate()).as(taskKey + " has a due date").isNotNull();
    ClockUtil.setCurrentTime(new Date(overdue.getDueDate().getTime() + Duration.ofMinutes(1).toMillis()));
    runJobs(caseInstance);

    // tasks open in parallel may be overdue by then too: each has its own escalation, by name
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskDefinitionKey("UserTask_EscalateOverdueTask").taskName("Tarea vencida: " + overdue.getName()).singleResult();
    assertThat(escalation).as("escalation of " + taskKey).isNotNull();
    assertThat(groupOf(escalation)).isEqualTo("coordination");
    complete(escalation, Map.of("escalationAction", "Seguimiento con la institución"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(overdue.getId()).count()).as("stays open").isEqualTo(1);
    complete(overdue, variables);
  }

  private void reviewAndIdentify(ProcessInstance caseInstance, String decision) {
    runJobs(caseInstance);
    complete(task(caseInstance, "UserTask_ReviewScreening"), Map.of("immediateAssistanceCoordinated", true));
    Task identification = task(caseInstance, "UserTask_DecideIdentification");
    assertThat(groupOf(identification)).isEqualTo("response-team");
    complete(identification, Map.of("identificationDecision", decision, "identificationReason", "Fundamento"));
    runJobs(caseInstance);
  }

  /** The individual care plan, agreed after a positive identification; it may add referrals. */
  private void agreeCarePlan(ProcessInstance caseInstance, String... addedInstitutions) {
    complete(task(caseInstance, "UserTask_AgreeCarePlan"),
        Map.of("needsAssessment", "Necesidades evaluadas con la persona", "carePlanInstitutions", List.of(addedInstitutions)));
    runJobs(caseInstance);
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

  private ProcessInstance open(String intake) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String caseId = json.readTree(rest.withBasicAuth("response-team.cr", "demo")
        .postForEntity("/api/cases", new HttpEntity<>(intake, headers), String.class).getBody()).get("caseId").asText();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
  }

  private Task task(ProcessInstance caseInstance, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  private List<String> tasksOf(ProcessInstance caseInstance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(caseInstance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private String groupOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  private List<String> referralInstitutions(ProcessInstance caseInstance) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId()).list().stream()
        .map(referral -> (String) engine.getRuntimeService().getVariable(referral.getId(), "institution")).sorted().toList();
  }

  private void deliverEveryReferral(ProcessInstance caseInstance) {
    for (ProcessInstance referral : engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).list()) {
      complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
          Map.of("referralDecision", "accepted"));
      complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
          Map.of("serviceOutcome", "delivered"));
    }
  }

  private String endOf(ProcessInstance caseInstance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(caseInstance.getId())
        .singleResult().getEndActivityId();
  }

  /** Runs the case's due jobs (async steps and timers) as the job executor would. */
  private void runJobs(ProcessInstance caseInstance) {
    engine.getManagementService().createJobQuery().processInstanceId(caseInstance.getId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
