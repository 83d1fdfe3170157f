package org.nrm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.nrm.intake.IntakeService;
import org.nrm.repatriation.Repatriations;
import org.nrm.support.CaseDriver;
import org.nrm.support.ClusterNodes;
import org.nrm.support.ClusterRecords;
import org.nrm.support.ClusterRecords.Run;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.JobsThroughEngineRest;
import org.nrm.support.JobsThroughEngineRest.Job;
import org.nrm.support.ProductInThisJvm;
import org.nrm.support.ProductProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Timers exactly once on two nodes: the product as it ships in two JVMs on one PostgreSQL, job
 * executors on, and cases waiting on timers: the escalation of an overdue screening review
 * ({@code BoundaryEvent_ReviewScreeningOverdue}) and the next follow-up check-in after a durable
 * solution ({@code TimerEvent_NextCheckIn}), and the next reintegration check-in of a case returned
 * to its country of origin, a timer cycle ({@code BoundaryEvent_CheckInDue}). The administrator suspends those timers, makes each
 * due now and activates them together, so that both nodes' job executors compete for all of them
 * at once. Each timer fires exactly once: one successful run in the job log, no failed one, and no
 * job failed in either node's log, not even on a conflict with the other node (which Camunda rolls
 * back whole, leaving no trace in the job log); each overdue review is escalated to coordination
 * exactly once (one task, one escalation in the case's statistics) and stays open, each due
 * check-in gives exactly one follow-up task, and each due reintegration check-in one task and one
 * next timer of its cycle; both nodes held some locked at the same moment, and
 * both ran some. The cases are driven to those timers beforehand by the product in this JVM (job
 * executor off, {@link CaseDriver}); the nodes start after it stopped. The size is
 * {@code -Dnrm.reliability.timers} cases at the review (60 in CI), and {@value #IN_FOLLOW_UP} in
 * follow-up.
 */
class TimersOnTwoNodesIntegrationTest {

  private static final Logger LOG = LoggerFactory.getLogger(TimersOnTwoNodesIntegrationTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int AT_REVIEW = Integer.getInteger("nrm.reliability.timers", 60);
  private static final int IN_FOLLOW_UP = 6;
  private static final int IN_REINTEGRATION = 3;
  private static final Duration LOCK = Duration.ofSeconds(10);
  private static final List<String> NODES = List.of("node-a", "node-b");
  private static final String NEXT_CHECK_IN = "TimerEvent_NextCheckIn";
  /** The reintegration follow-up's timer cycle in the origin country: a check-in every 90 days. */
  private static final String REINTEGRATION_CHECK_IN_DUE = "BoundaryEvent_CheckInDue";
  /** An adult national who declines to file a complaint: after the identification, the care plan and its referrals only. */
  private static final String NATIONAL_ADULT = """
      {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "labour-inspection",
       "detectionPlace": {"country": "CR", "region": "Alajuela"}, "sex": "male", "ageYears": 34,
       "nationality": "CR", "migrationStatus": "national", "acts": ["recruitment", "harbouring"],
       "means": ["deception", "coercion"], "purposes": ["forced-labour"], "needs": {"medicalUrgency": "none"},
       "wantsToFileComplaint": "no", "wishesToReturn": "no"}
      """;

  @Test
  void everyDueTimerFiresOnceWhileTwoNodesCompeteForIt() throws Exception {
    Path folder = ProductProcess.workFolder("timers-" + UUID.randomUUID());
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      List<String> atReview = new ArrayList<>();
      List<String> inFollowUp = new ArrayList<>();
      List<String> inReintegration = new ArrayList<>();
      try (ConfigurableApplicationContext driver = ProductInThisJvm.start("timersDriver", ProductProcess.freePort(),
          postgres.getJdbcUrl("postgres", "postgres"))) {
        CaseDriver cases = new CaseDriver(driver.getBean(ProcessEngine.class), null, JSON);
        IntakeService intakes = driver.getBean(IntakeService.class);
        for (int i = 0; i < AT_REVIEW; i++) {
          atReview.add(cases.open(intakes, ConcurrentRequests.adultIntake("CR", Instant.parse("2026-11-01T00:00:00Z")
              .plusSeconds(i * 60L).toString()), "police.cr").getBusinessKey());
        }
        for (int i = 0; i < IN_FOLLOW_UP; i++) {
          inFollowUp.add(toFollowUp(cases, intakes).getBusinessKey());
        }
        Repatriations returns = new Repatriations(driver.getBean(ProcessEngine.class), cases);
        for (int i = 0; i < IN_REINTEGRATION; i++) {
          ProcessInstance returned = returns.readyForADurableSolution(cases.open(intakes, Repatriations.adultFrom("GT"), "police.cr"));
          inReintegration.add(returns.inReintegrationFollowUp(returned).getBusinessKey());
        }
      }

      ClusterRecords records = new ClusterRecords(postgres);
      List<ProductProcess> nodes = ClusterNodes.startTogether(postgres, folder, LOCK, NODES.toArray(String[]::new));
      try (ProductProcess a = nodes.get(0); ProductProcess b = nodes.get(1)) {
        JobsThroughEngineRest administrator = new JobsThroughEngineRest(a.baseUrl());
        List<String> definitions = new ArrayList<>(administrator.jobDefinitionIds("NrmCaseProcess",
            ClusterRecords.REVIEW_OVERDUE));
        definitions.addAll(administrator.jobDefinitionIds("NrmCaseProcess", NEXT_CHECK_IN));
        definitions.addAll(administrator.jobDefinitionIds("ReceptionAndReintegrationProcess", REINTEGRATION_CHECK_IN_DUE));
        for (String definition : definitions) {
          administrator.suspendJobDefinition(definition, true);
        }
        List<String> timers = new ArrayList<>();
        for (String definition : definitions) {
          for (Job job : administrator.jobsOf(definition)) {
            assertThat(job.suspended()).isTrue();
            administrator.makeDueNow(job.id());
            timers.add(job.id());
          }
        }
        assertThat(timers).as("a timer for every case").hasSize(AT_REVIEW + IN_FOLLOW_UP + IN_REINTEGRATION);
        // all due at the same moment: both job executors look for them
        Instant activated = Instant.now();
        for (String definition : definitions) {
          administrator.suspendJobDefinition(definition, false);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        boolean lockedByBothAtOnce = false;
        while (records.remaining(timers) > 0 && System.nanoTime() < deadline) {
          lockedByBothAtOnce |= records.lockOwners(timers).containsAll(NODES);
          Thread.sleep(20);
        }
        LOG.info("{} timers activated at {}, all run {} ms later", timers.size(), activated,
            Duration.between(activated, Instant.now()).toMillis());

        Map<String, List<Instant>> runsByNode = new TreeMap<>();
        for (String timer : timers) {
          List<Run> runs = records.successfulRuns(timer);
          assertThat(runs).as("timer " + timer + " run once").hasSize(1);
          runsByNode.computeIfAbsent(runs.get(0).node(), node -> new ArrayList<>()).add(runs.get(0).at());
        }
        runsByNode.forEach((node, runs) -> LOG.info("{} ran {} timers, from {} to {}", node, runs.size(),
            runs.stream().min(Instant::compareTo).orElseThrow(), runs.stream().max(Instant::compareTo).orElseThrow()));
        assertThat(lockedByBothAtOnce).as("both nodes held some locked at the same moment: they competed").isTrue();
        assertThat(runsByNode.keySet()).as("both nodes ran some").containsExactlyElementsOf(NODES);
        assertThat(records.failedRuns(timers)).as("no failed run either").isZero();
        for (String node : NODES) {
          // a node running a timer another node runs too loses at its commit (an optimistic locking conflict, rolled
          // back whole): logged, not in the job log
          try (Stream<String> log = Files.lines(ClusterNodes.logOf(folder, node))) {
            assertThat(log.filter(line -> line.contains("ENGINE-14006")).limit(3)).as("no job of " + node + " failed, not even"
                + " on a conflict with the other node").isEmpty();
          }
        }
        for (String caseId : atReview) {
          assertThat(records.reviewEscalations(caseId)).as("the overdue review of " + caseId + " escalated once").isEqualTo(1);
          assertThat(records.escalationsRaised(caseId)).as("in its statistics").isEqualTo(1);
          assertThat(records.openTasks(caseId, "UserTask_ReviewScreening")).as("the review stays open").isEqualTo(1);
        }
        for (String caseId : inFollowUp) {
          assertThat(records.tasks(caseId, "UserTask_FollowUpCheckIn")).as("one check-in of " + caseId).isEqualTo(1);
          assertThat(records.escalationsRaised(caseId)).as("no escalation").isZero();
        }
        for (String caseId : inReintegration) {
          assertThat(records.tasks(caseId, "UserTask_ReintegrationCheckIn")).as("one reintegration check-in of " + caseId).isEqualTo(1);
          assertThat(records.database().queryForObject("select count(*) from ACT_RU_JOB j join ACT_HI_PROCINST p on p.ID_ ="
              + " j.PROCESS_INSTANCE_ID_ where p.BUSINESS_KEY_ = ? and j.TYPE_ = 'timer' and j.HANDLER_CFG_ like ?", Integer.class,
              caseId, "%" + REINTEGRATION_CHECK_IN_DUE + "%")).as("the cycle's next check-in of " + caseId + ", once").isEqualTo(1);
        }
      }
    }
  }

  /** A case identified, its care plan agreed, its referrals delivered, local integration planned: its first check-in due next. */
  private static ProcessInstance toFollowUp(CaseDriver cases, IntakeService intakes) throws Exception {
    ProcessInstance caseInstance = cases.open(intakes, NATIONAL_ADULT, "response-team.cr");
    cases.reviewAndIdentify(caseInstance, "identified");
    cases.agreeCarePlan(caseInstance);
    cases.deliverEveryReferral(caseInstance);
    cases.complete(cases.task(caseInstance, "UserTask_DecideDurableSolution"),
        Map.of("durableSolution", "local-integration", "durableSolutionReason", "Decidido con la persona"));
    cases.complete(cases.task(caseInstance, "UserTask_PlanLocalIntegration"), Map.of("integrationPlanAgreed", true));
    assertThat(cases.tasksOf(caseInstance)).as("waiting for the next check-in").isEmpty();
    return caseInstance;
  }
}
