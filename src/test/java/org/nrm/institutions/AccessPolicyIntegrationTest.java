package org.nrm.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/** The access policy as Tasklist, Cockpit and Admin apply it: engine calls under a signed-in user. */
@NrmIntegrationTest
class AccessPolicyIntegrationTest {

  @Autowired ProcessEngine engine;
  Users users;
  InstitutionTasks cases;
  Task policeTask;
  Task childProtectionTask;

  @BeforeEach
  void openOneCaseForPoliceAndOneForChildProtection() {
    users = new Users(engine.getIdentityService());
    cases = new InstitutionTasks(engine);
    policeTask = cases.taskFor("police");
    childProtectionTask = cases.taskFor("child-protection");
  }

  @ParameterizedTest(name = "{0} may use {1}: {2}")
  @CsvSource({
      "police.cr,           tasklist, true",
      "police.cr,           cockpit,  false",
      "police.cr,           admin,    false",
      "child-protection.cr, tasklist, true",
      "health.cr,           cockpit,  false",
      "coordination.cr,     tasklist, true",
      "coordination.cr,     cockpit,  true",
      "coordination.cr,     admin,    false",
      "analysts.cr,         cockpit,  true",
      "analysts.cr,         admin,    false",
      "admin,               admin,    true",
      "admin,               cockpit,  true",
  })
  void eachRoleUsesItsApplications(String userId, String application, boolean allowed) {
    boolean authorized = engine.getAuthorizationService().isUserAuthorized(
        userId, users.groupsOf(userId), Permissions.ACCESS, Resources.APPLICATION, application);

    assertThat(authorized).isEqualTo(allowed);
  }

  @Test
  void anInstitutionSeesOnlyItsOwnTasks() {
    List<String> seenByPolice = taskIdsSeenBy("police.cr");

    assertThat(seenByPolice).contains(policeTask.getId()).doesNotContain(childProtectionTask.getId());
    assertThat(taskIdsSeenBy("child-protection.cr"))
        .contains(childProtectionTask.getId()).doesNotContain(policeTask.getId());
    assertThat(taskIdsSeenBy("health.cr")).doesNotContain(policeTask.getId(), childProtectionTask.getId());
  }

  @Test
  void anInstitutionCompletesItsOwnTask() {
    users.as("police.cr", () -> engine.getTaskService().complete(policeTask.getId(), Map.of("referralDecision", "accepted")));

    assertThat(engine.getTaskService().createTaskQuery().taskId(policeTask.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(policeTask.getProcessInstanceId(), "referralState")).isEqualTo("accepted");
  }

  @Test
  void anInstitutionCannotCompleteAnotherInstitutionsTask() {
    assertThatThrownBy(() -> users.as("police.cr", () -> engine.getTaskService().complete(childProtectionTask.getId())))
        .isInstanceOf(AuthorizationException.class);

    assertThat(engine.getTaskService().createTaskQuery().taskId(childProtectionTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void anInstitutionCannotClaimAnotherInstitutionsTask() {
    assertThatThrownBy(() -> users.as("police.cr", () -> engine.getTaskService().claim(childProtectionTask.getId(), "police.cr")))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void anInstitutionCannotReadCasesOutsideItsTasks() {
    long instances = users.as("police.cr", () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(childProtectionTask.getProcessInstanceId()).count());
    long history = users.as("police.cr", () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(childProtectionTask.getProcessInstanceId()).count());

    assertThat(instances).isZero();
    assertThat(history).isZero();
  }

  @Test
  void coordinatorsReadEveryCaseTaskAndHistory() {
    List<String> instanceIds = List.of(policeTask.getProcessInstanceId(), childProtectionTask.getProcessInstanceId());

    users.as("coordination.cr", () -> {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(new HashSet<>(instanceIds)).count()).isEqualTo(2);
      assertThat(engine.getTaskService().createTaskQuery().taskIdIn(policeTask.getId(), childProtectionTask.getId()).count()).isEqualTo(2);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(instanceIds)).count()).isEqualTo(2);
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(policeTask.getId()).count()).isEqualTo(1);
    });
  }

  @Test
  void coordinatorsCannotCompleteAnotherInstitutionsTask() {
    assertThatThrownBy(() -> users.as("coordination.cr", () -> engine.getTaskService().complete(policeTask.getId())))
        .isInstanceOf(AuthorizationException.class);

    assertThat(engine.getTaskService().createTaskQuery().taskId(policeTask.getId()).count()).isEqualTo(1);
  }

  @Test
  void analystsCreateDeployments() {
    String deploymentId = users.as("analysts.cr", () -> deployEmptyProcess("AnalystDeploymentCheck").getId());

    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
  }

  @Test
  void analystsReadNoCase() {
    long tasks = users.as("analysts.cr", () -> engine.getTaskService().createTaskQuery()
        .taskIdIn(policeTask.getId(), childProtectionTask.getId()).count());
    long instances = users.as("analysts.cr", () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(policeTask.getProcessInstanceId()).count());

    assertThat(tasks).isZero();
    assertThat(instances).isZero();
  }

  @ParameterizedTest
  @CsvSource({"police.cr", "coordination.cr", "child-protection.cr"})
  void onlyAnalystsCreateDeployments(String userId) {
    assertThatThrownBy(() -> users.as(userId, () -> deployEmptyProcess("RefusedDeployment")))
        .isInstanceOf(AuthorizationException.class);
  }

  private org.camunda.bpm.engine.repository.Deployment deployEmptyProcess(String key) {
    var model = Bpmn.createExecutableProcess(key + "Process").camundaHistoryTimeToLive(1).startEvent("StartEvent_Started")
        .sequenceFlowId("SequenceFlow_ToEnded").endEvent("EndEvent_Ended").done();
    return engine.getRepositoryService().createDeployment().name("Prueba de permisos: " + key)
        .addModelInstance(key + ".bpmn", model).deploy();
  }

  private List<String> taskIdsSeenBy(String userId) {
    return users.as(userId, () -> engine.getTaskService().createTaskQuery()
        .taskIdIn(policeTask.getId(), childProtectionTask.getId()).list().stream().map(Task::getId).toList());
  }

}
