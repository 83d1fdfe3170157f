package org.nrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.nrm.engine.VariableJson;
import org.nrm.intake.IntakeService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Drives cases through the real models as the institutions and the job executor would: opens a case
 * with the intake API, completes tasks, runs due jobs, moves the engine clock past deadlines.
 */
public final class CaseDriver {

  private final ProcessEngine engine;
  private final TestRestTemplate rest;
  private final ObjectMapper json;

  public CaseDriver(ProcessEngine engine, TestRestTemplate rest, ObjectMapper json) {
    this.engine = engine;
    this.rest = rest;
    this.json = json;
  }

  /** Opens a case with the intake API as {@code userId}; its due jobs are run. */
  public ProcessInstance open(String intake, String userId) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String caseId = json.readTree(rest.withBasicAuth(userId, "demo")
        .postForEntity("/api/cases", new HttpEntity<>(intake, headers), String.class).getBody()).get("caseId").asText();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
  }

  public ProcessInstance open(String intake) throws Exception {
    return open(intake, "response-team.cr");
  }

  /**
   * Opens a case through the product's intake service, validated and numbered as the intake API
   * does, as {@code userId}: for a product started beside the test context, whose API log-in looks
   * for the engine named {@code default}.
   */
  public ProcessInstance open(IntakeService intakes, String intake, String userId) throws Exception {
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();
    assertThat(intakes.validate(json.readTree(intake), normalised)).as("errors in the intake").isEmpty();
    String caseId = intakes.open(normalised, userId, null, null).caseId();
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
  }

  /** Screening reviewed, identification decided. */
  public void reviewAndIdentify(ProcessInstance caseInstance, String decision) {
    runJobs(caseInstance);
    complete(task(caseInstance, "UserTask_ReviewScreening"), Map.of("immediateAssistanceCoordinated", true));
    Task identification = task(caseInstance, "UserTask_DecideIdentification");
    assertThat(groupOf(identification)).isEqualTo("response-team");
    complete(identification, Map.of("identificationDecision", decision, "identificationReason", "Fundamento"));
    runJobs(caseInstance);
  }

  /** The individual care plan, agreed after a positive identification; it may add referrals. */
  public void agreeCarePlan(ProcessInstance caseInstance, String... addedInstitutions) {
    complete(task(caseInstance, "UserTask_AgreeCarePlan"),
        Map.of("needsAssessment", "Necesidades evaluadas con la persona", "carePlanInstitutions", List.of(addedInstitutions)));
    runJobs(caseInstance);
  }

  public void deliverEveryReferral(ProcessInstance caseInstance) {
    for (ProcessInstance referral : engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).processDefinitionKey("ReferralProcess").list()) {
      chooseTheFirstProvider(referral.getId());
      complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
          Map.of("referralDecision", "accepted"));
      complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
          Map.of("serviceOutcome", "delivered"));
    }
  }

  /**
   * A referral waiting for its provider to be chosen gets the first one offered (or the
   * institution, when none is), with the person's consent (child protection's decision for a
   * child) and nothing of the case shared; a referral without that task is left as it is.
   */
  public void chooseTheFirstProvider(String referralId) {
    Task choice = engine.getTaskService().createTaskQuery().processInstanceId(referralId)
        .taskDefinitionKey("UserTask_ChooseProvider").singleResult();
    if (choice == null) {
      return;
    }
    String provider = VariableJson.of(engine.getTaskService().getVariableLocal(choice.getId(), "providerOptions")).get(0)
        .path("value").asText();
    boolean child = "child-protection".equals(groupOf(choice));
    complete(choice, Map.of("provider", provider, "consentDecision", child ? "best-interests" : "given", "consentLanguage", "es",
        "consentReason", "Informada en su idioma; acepta la derivación"));
  }

  /** The single open task of the process instance with that key. */
  public Task task(ProcessInstance instance, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  public List<String> tasksOf(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  public String groupOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
  }

  public void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  public String endOf(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndActivityId();
  }

  /** Runs the instance's due jobs (async steps and timers) as the job executor would. */
  public void runJobs(ProcessInstance instance) {
    engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  /** Moves the engine clock just past a date. */
  public static void moveClockPast(Date date) {
    ClockUtil.setCurrentTime(new Date(date.getTime() + Duration.ofMinutes(1).toMillis()));
  }

  /** The instance's timer job at an activity, moved to and fired. */
  public Job fireTimer(ProcessInstance instance, String activityId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().singleResult();
    assertThat(timer).as("a timer at " + activityId).isNotNull();
    moveClockPast(timer.getDuedate());
    runJobs(instance);
    return timer;
  }

  /**
   * Moves the clock past the task's due date: coordination gets an escalation named after the task
   * (at {@code escalationKey}), the task stays open; both are then completed.
   */
  public void escalateAndComplete(ProcessInstance instance, String taskKey, String escalationKey, Map<String, Object> variables) {
    runJobs(instance);
    Task overdue = task(instance, taskKey);
    assertThat(overdue.getDueDate()).as(taskKey + " has a due date").isNotNull();
    moveClockPast(overdue.getDueDate());
    runJobs(instance);

    // tasks open in parallel may be overdue by then too: each has its own escalation, by name
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(escalationKey).taskName("Tarea vencida: " + overdue.getName()).singleResult();
    assertThat(escalation).as("escalation of " + taskKey).isNotNull();
    assertThat(groupOf(escalation)).isEqualTo("coordination");
    complete(escalation, Map.of("escalationAction", "Seguimiento con la institución"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(overdue.getId()).count()).as("stays open").isEqualTo(1);
    complete(overdue, variables);
  }

  /** Lets an escalation itself go overdue: coordination is reminded; both are then completed. */
  public void leaveEscalationUnattended(ProcessInstance instance, String taskKey, String escalationKey, Map<String, Object> variables) {
    runJobs(instance);
    Task overdue = task(instance, taskKey);
    moveClockPast(overdue.getDueDate());
    runJobs(instance);
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(escalationKey).singleResult();
    assertThat(escalation.getDueDate()).as("an escalation is due too").isNotNull();
    moveClockPast(escalation.getDueDate());
    runJobs(instance);
    Task reminder = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskName("Tarea vencida: una escalación sin atender").singleResult();
    assertThat(groupOf(reminder)).isEqualTo("coordination");
    complete(reminder, Map.of("escalationAction", "Atendida"));
    complete(escalation, Map.of("escalationAction", "Atendida"));
    complete(overdue, variables);
  }
}
