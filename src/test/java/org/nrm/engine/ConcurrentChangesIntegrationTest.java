package org.nrm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Institutions acting on one case at the same moment: every referral of several cases delivered at
 * once, through the engine REST API as each institution does it. Each branch ending changes the
 * case's parallel referrals, so the engine refuses all but one of the simultaneous completions;
 * each refused one is done again on the case as it is now, and every institution gets its 204.
 */
@NrmIntegrationTest
class ConcurrentChangesIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Test
  void referralsDeliveredAtTheSameMomentAreAllRecordedAndTheCaseGoesOn() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    List<ProcessInstance> cases = new ArrayList<>();
    List<ConcurrentRequests.Request> deliveries = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ProcessInstance opened = driver.open(ConcurrentRequests.adultIntake("CR", "2026-11-2" + i + "T10:00:00-06:00"), "police.cr");
      driver.reviewAndIdentify(opened, "identified");
      driver.agreeCarePlan(opened, "legal-aid", "health", "social-welfare");
      for (ProcessInstance referral : referralsOf(opened)) {
        new InstitutionTasks(engine).toTheInstitution(referral.getId());
        driver.complete(engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult(),
            Map.of("referralDecision", "accepted"));
      }
      for (ProcessInstance referral : referralsOf(opened)) {
        Task delivery = engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();
        deliveries.add(new ConcurrentRequests.Request("/engine-rest/task/" + delivery.getId() + "/complete",
            driver.groupOf(delivery) + ".cr", "{\"variables\": {\"serviceOutcome\": {\"value\": \"delivered\"}}}"));
      }
      cases.add(opened);
    }
    assertThat(deliveries).as("several referrals per case").hasSizeGreaterThanOrEqualTo(cases.size() * 3);

    List<ConcurrentRequests.Answer> answers = new ConcurrentRequests("http://localhost:" + port).postAtOnce(deliveries);

    assertThat(answers).as("no institution is refused for another's simultaneous change")
        .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(204));
    for (ProcessInstance opened : cases) {
      assertThat(referralsOf(opened)).as("every referral delivered").isEmpty();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(opened.getId())
          .processDefinitionKey("ReferralProcess").finished().list()).allSatisfy(referral ->
              assertThat(referral.getEndActivityId()).isEqualTo("EndEvent_ServiceDelivered"));
      assertThat(engine.getRuntimeService().getActiveActivityIds(opened.getId())).as("the case is past its referrals")
          .noneMatch(activity -> activity.startsWith("CallActivity_Refer"));
    }
  }

  private List<ProcessInstance> referralsOf(ProcessInstance opened) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(opened.getId())
        .processDefinitionKey("ReferralProcess").list();
  }
}
