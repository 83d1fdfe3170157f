package org.nrm.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** One referral: accepted or declined and re-routed, delivered or not, escalated when overdue. */
@NrmIntegrationTest
class ReferralProcessIntegrationTest {

  @Autowired ProcessEngine engine;

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void anAcceptedReferralIsDeliveredAndReported() {
    String referral = refer("migration", 24, false);

    complete(taskOf(referral, "UserTask_DecideOnReferral", "migration"), Map.of("referralDecision", "accepted"));
    assertThat(state(referral)).isEqualTo("accepted");
    complete(taskOf(referral, "UserTask_DeliverService", "migration"), Map.of("serviceOutcome", "delivered"));

    assertThat(historicState(referral)).isEqualTo("delivered");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(referral).completed().count())
        .isEqualTo(1);
  }

  @Test
  void aDeclinedReferralGoesBackToTheResponseTeamToChooseAnotherInstitution() {
    String referral = refer("prosecution", 72, true);

    complete(taskOf(referral, "UserTask_DecideOnReferral", "prosecution"),
        Map.of("referralDecision", "declined", "declineReason", "No es de su competencia"));
    assertThat(state(referral)).isEqualTo("declined");
    complete(taskOf(referral, "UserTask_ChooseAnotherProvider", "response-team"), Map.of("institution", "foreign-affairs"));
    assertThat(state(referral)).isEqualTo("pending");
    complete(taskOf(referral, "UserTask_DecideOnReferral", "foreign-affairs"), Map.of("referralDecision", "accepted"));
    complete(taskOf(referral, "UserTask_DeliverService", "foreign-affairs"),
        Map.of("serviceOutcome", "not-delivered", "notDeliveredReason", "La persona se trasladó a otra provincia"));

    assertThat(historicState(referral)).isEqualTo("not-delivered");
  }

  @Test
  void anOverdueReferralIsEscalatedToCoordinationAndStaysOpen() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-11-27T10:00-06:00[America/Costa_Rica]").toInstant()));
    String referral = refer("labour", 72, true);
    Task decision = taskOf(referral, "UserTask_DecideOnReferral", "labour");
    assertThat(decision.getDueDate()).as("3 working days from a Friday")
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-12-02T10:00-06:00[America/Costa_Rica]").toInstant()));

    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-12-02T10:01-06:00[America/Costa_Rica]").toInstant()));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(referral).timers().executable().singleResult();
    engine.getManagementService().executeJob(timer.getId());

    taskOf(referral, "UserTask_EscalateOverdueReferral", "coordination");
    assertThat(engine.getTaskService().createTaskQuery().taskId(decision.getId()).count()).as("the original task stays open")
        .isEqualTo(1);
    Task escalation = taskOf(referral, "UserTask_EscalateOverdueReferral", "coordination");
    ClockUtil.setCurrentTime(new Date(escalation.getDueDate().getTime() + 60_000));
    engine.getManagementService().createJobQuery().processInstanceId(referral).timers().executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    Task reminder = engine.getTaskService().createTaskQuery().processInstanceId(referral)
        .taskName("Derivación vencida: una escalación sin atender").singleResult();
    assertThat(reminder).as("an unattended escalation reminds coordination").isNotNull();
    complete(reminder, Map.of("escalationAction", "Atendida"));
    complete(escalation, Map.of("escalationAction", "Llamada a la inspección"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(decision.getId()).count()).isEqualTo(1);
  }

  @Test
  void anOverdueDeliveryAndAnOverdueReassignmentAreEscalatedToo() {
    String declined = refer("labour", 24, false);
    complete(taskOf(declined, "UserTask_DecideOnReferral", "labour"),
        Map.of("referralDecision", "declined", "declineReason", "Sin inspectores en la zona"));
    expireAndEscalate(declined, "UserTask_ChooseAnotherProvider", "Elegir otra institución para la derivación rechazada");

    String accepted = refer("migration", 24, false);
    complete(taskOf(accepted, "UserTask_DecideOnReferral", "migration"), Map.of("referralDecision", "accepted"));
    expireAndEscalate(accepted, "UserTask_DeliverService", "Prestar el servicio y reportar el resultado");
  }

  private void expireAndEscalate(String referral, String taskKey, String taskName) {
    Task overdue = engine.getTaskService().createTaskQuery().processInstanceId(referral).taskDefinitionKey(taskKey).singleResult();
    assertThat(overdue.getDueDate()).as(taskKey + " has a due date").isNotNull();
    ClockUtil.setCurrentTime(new Date(overdue.getDueDate().getTime() + 60_000));
    engine.getManagementService().createJobQuery().processInstanceId(referral).timers().executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    Task escalation = taskOf(referral, "UserTask_EscalateOverdueReferral", "coordination");
    assertThat(escalation.getName()).isEqualTo("Derivación vencida: " + taskName);
    assertThat(engine.getTaskService().createTaskQuery().taskId(overdue.getId()).count()).as("stays open").isEqualTo(1);
  }

  @Test
  void aReferralAnsweredInTimeIsNotEscalated() {
    String referral = refer("police", 2, false);
    complete(taskOf(referral, "UserTask_DecideOnReferral", "police"), Map.of("referralDecision", "accepted"));

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(referral).timers().list())
        .as("only the delivery's own deadline is running").singleElement()
        .satisfies(timer -> assertThat(timer.getDuedate()).isAfter(ClockUtil.getCurrentTime()));
  }

  private String refer(String institution, int dueInHours, boolean workingDays) {
    return engine.getRuntimeService().startProcessInstanceByKey("ReferralProcess", Map.of(
        "jurisdiction", "CR", "institution", institution, "reason", "Motivo de prueba",
        "dueInHours", dueInHours, "workingDays", workingDays)).getId();
  }

  private Task taskOf(String processInstanceId, String taskDefinitionKey, String candidateGroup) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as(taskDefinitionKey).isNotNull();
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(link -> link.getGroupId()).toList();
    assertThat(groups).containsExactly(candidateGroup);
    return task;
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  private String state(String processInstanceId) {
    return (String) engine.getRuntimeService().getVariable(processInstanceId, "referralState");
  }

  private String historicState(String processInstanceId) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("referralState").singleResult().getValue();
  }
}
