package org.nrm.repatriation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.identity.IdentityVault;
import org.nrm.intake.IntakeService;
import org.nrm.support.CaseDriver;
import org.nrm.support.ProductInThisJvm;
import org.nrm.support.ProductProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Two separate deployments of the mechanism on loopback, each with its own database and its own
 * accounts: Costa Rica's (the destination) and Guatemala's (the origin). The hand-over and the
 * messages that follow it cross over each other's engine REST API, with the same message contract
 * as between the tenants of one deployment.
 */
class HandoverBetweenDeploymentsTest {

  private static final String CR_ACCOUNT_IN_GT = "mechanism.cr";
  private static final String GT_ACCOUNT_IN_CR = "mechanism.gt";
  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext costaRica;
  private static ConfigurableApplicationContext guatemala;
  private static int guatemalaPort;
  /** Costa Rica reaches Guatemala through it. */
  private static LossyProxy network;

  private ProcessEngine destinationEngine;
  private ProcessEngine originEngine;
  private CaseDriver destination;
  private CaseDriver origin;

  @BeforeAll
  static void startTwoDeployments() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    int costaRicaPort = ProductProcess.freePort();
    guatemalaPort = ProductProcess.freePort();
    // engines register by name in a JVM-wide registry: each deployment names its own (no hyphen)
    network = LossyProxy.to(guatemalaPort);
    costaRica = start("CR", "Costa Rica", "America/Costa_Rica", "regionCostaRica", costaRicaPort,
        "GT", "regionGuatemala", network.port(), CR_ACCOUNT_IN_GT, GT_ACCOUNT_IN_CR);
    guatemala = start("GT", "Guatemala", "America/Guatemala", "regionGuatemala", guatemalaPort,
        "CR", "regionCostaRica", costaRicaPort, GT_ACCOUNT_IN_CR, CR_ACCOUNT_IN_GT);
  }

  @AfterAll
  static void stopTwoDeployments() throws Exception {
    ClockUtil.reset();
    for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {guatemala, costaRica}) {
      if (context != null) {
        context.close();
      }
    }
    network.close();
    postgres.close();
  }

  @BeforeEach
  void driveBothDeployments() {
    destinationEngine = costaRica.getBean(ProcessEngine.class);
    originEngine = guatemala.getBean(ProcessEngine.class);
    destination = new CaseDriver(destinationEngine, null, new ObjectMapper());
    origin = new CaseDriver(originEngine, null, new ObjectMapper());
  }

  @Test
  void aCaseHandedOverToAnotherDeploymentIsReceivedReintegratedAndReportedBack() throws Exception {

    ProcessInstance caseInstance = openCase(destinationEngine);
    ProcessInstance repatriation = readyToHandOver(destination, destinationEngine, caseInstance);
    destination.runJobs(repatriation);

    ProcessInstance received = originEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RepatriationProtocol.ORIGIN_PROCESS).variableValueEquals("referredFromCase", caseInstance.getBusinessKey())
        .singleResult();
    assertThat(received).as("started in the other deployment").isNotNull();
    assertThat(received.getTenantId()).isEqualTo("GT");
    assertThat(received.getBusinessKey()).startsWith("GT-");
    assertThat(originEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(received.getId())
        .singleResult().getStartUserId()).as("with Costa Rica's own account there").isEqualTo(CR_ACCOUNT_IN_GT);
    assertThat(originEngine.getRuntimeService().getVariables(received.getId())).containsEntry("referredFromJurisdiction", "CR")
        .doesNotContainKeys("means", "acts", "detectionPlace", "migrationStatus", "identity_givenNames", "identity_phone");
    assertThat(guatemala.getBean(IdentityVault.class).read(received.getBusinessKey(), "test", "verificación").orElseThrow())
        .satisfies(identity -> {
          assertThat(identity.givenNames()).isEqualTo("Marta Frontera");
          assertThat(identity.phone()).as("what the origin needs, no more").isNull();
          assertThat(identity.currentLocation()).isNull();
        });
    assertThat(costaRica.getBean(IdentityVault.class).sharesOf(caseInstance.getBusinessKey())).singleElement()
        .satisfies(share -> assertThat(share.receivingCaseId()).isEqualTo(received.getBusinessKey()));
    TestRestTemplate guatemalaRest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + guatemalaPort));
    var tasksSeenByPartner = guatemalaRest.withBasicAuth(CR_ACCOUNT_IN_GT, "secret-" + CR_ACCOUNT_IN_GT)
        .getForEntity("/engine-rest/engine/regionGuatemala/task", String.class);
    assertThat(tasksSeenByPartner.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasksSeenByPartner.getBody()).as("the partner's account reads no task").isEqualTo("[]");

    origin.runJobs(received);
    destination.runJobs(repatriation);
    destination.complete(destination.task(repatriation, "UserTask_ConfirmReturnTravel"),
        Map.of("departureAt", "2027-02-01T08:00:00", "arrivalAt", "2027-02-01T09:30:00", "flightDetails", "TA 390"));
    destination.runJobs(repatriation);
    Task reception = origin.task(received, "UserTask_ReceiveOnArrival");
    assertThat(originEngine.getTaskService().getVariable(reception.getId(), "arrivalAt")).isEqualTo("2027-02-01T09:30:00");
    origin.complete(reception, Map.of("receivedOnArrival", true));
    origin.complete(origin.task(received, "UserTask_PlanReintegration"),
        Map.of("reintegrationServices", List.of("livelihood"), "reintegrationPlan", "Plan acordado"));
    for (int checkIn = 1; checkIn <= 4; checkIn++) {
      origin.fireTimer(received, "BoundaryEvent_CheckInDue");
      origin.complete(origin.task(received, "UserTask_ReintegrationCheckIn"),
          Map.of("reintegrationStatus", "on-track", "checkInNotes", "Estable"));
    }
    origin.fireTimer(received, "BoundaryEvent_FollowUpPeriodEnded");
    origin.runJobs(received);

    assertThat(origin.endOf(received)).isEqualTo("EndEvent_Reintegrated");
    Task closure = destination.task(caseInstance, "UserTask_CloseCase");
    assertThat(destinationEngine.getTaskService().getVariable(closure.getId(), "reintegrationOutcome")).isEqualTo("reintegrated");
    assertThat(destinationEngine.getTaskService().getVariable(closure.getId(), "originCaseId")).isEqualTo(received.getBusinessKey());
  }

  @Test
  void aHandOverWhoseAnswerIsLostIsReceivedOnceWhenItIsDeliveredAgain() throws Exception {
    ProcessInstance caseInstance = openCase(destinationEngine);
    ProcessInstance repatriation = readyToHandOver(destination, destinationEngine, caseInstance);

    int lostBefore = network.answersLost();
    network.loseNextAnswer();
    assertThatThrownBy(() -> destination.runJobs(repatriation)).as("the answer lost on the way back").hasMessageContaining("502");

    assertThat(network.answersLost()).isEqualTo(lostBefore + 1);
    assertThat(receptionsOf(originEngine, caseInstance)).as("Guatemala received it").hasSize(1);
    var handOver = destinationEngine.getManagementService().createJobQuery().processInstanceId(repatriation.getId()).singleResult();
    assertThat(handOver.getExceptionMessage()).as("Costa Rica does not know: its hand-over failed, to be retried").isNotNull();

    destinationEngine.getManagementService().executeJob(handOver.getId());

    List<ProcessInstance> receptions = receptionsOf(originEngine, caseInstance);
    assertThat(receptions).as("delivered again: nothing new opened").hasSize(1);
    assertThat(destinationEngine.getRuntimeService().getVariable(repatriation.getId(), "originCaseId"))
        .as("the case it opened the first time").isEqualTo(receptions.get(0).getBusinessKey());
    assertThat(destinationEngine.getRuntimeService().getActiveActivityIds(repatriation.getId())).contains("ReceiveTask_AwaitReception");
    assertThat(costaRica.getBean(IdentityVault.class).sharesOf(caseInstance.getBusinessKey())).singleElement()
        .satisfies(share -> assertThat(share.receivingCaseId()).isEqualTo(receptions.get(0).getBusinessKey()));
  }

  @Test
  void aTravelConfirmationWhoseAnswerIsLostIsReceivedOnceWhenItIsDeliveredAgain() throws Exception {
    ProcessInstance caseInstance = openCase(destinationEngine);
    ProcessInstance repatriation = readyToHandOver(destination, destinationEngine, caseInstance);
    destination.runJobs(repatriation);
    ProcessInstance received = receptionsOf(originEngine, caseInstance).get(0);
    origin.runJobs(received);
    destination.runJobs(repatriation);
    destination.complete(destination.task(repatriation, "UserTask_ConfirmReturnTravel"),
        Map.of("departureAt", "2027-02-01T08:00:00", "arrivalAt", "2027-02-01T09:30:00", "flightDetails", "TA 390"));

    network.loseNextAnswer();
    assertThatThrownBy(() -> destination.runJobs(repatriation)).as("the answer lost on the way back").hasMessageContaining("502");
    assertThat(origin.tasksOf(received)).as("Guatemala received it").containsExactly("UserTask_ReceiveOnArrival");
    var notification = destinationEngine.getManagementService().createJobQuery().processInstanceId(repatriation.getId())
        .withException().singleResult();
    destinationEngine.getManagementService().executeJob(notification.getId());

    assertThat(origin.tasksOf(received)).as("delivered again: nothing changes there").containsExactly("UserTask_ReceiveOnArrival");
    assertThat(destinationEngine.getRuntimeService().getActiveActivityIds(repatriation.getId()))
        .as("Costa Rica takes it as delivered").containsExactly("ReceiveTask_AwaitReintegrationOutcome");
  }

  private static List<ProcessInstance> receptionsOf(ProcessEngine originEngine, ProcessInstance caseInstance) {
    return originEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RepatriationProtocol.ORIGIN_PROCESS)
        .variableValueEquals("referredFromCase", caseInstance.getBusinessKey()).list();
  }

  /** The case's repatriation, up to its hand-over to Guatemala (the travel planned). */
  private static ProcessInstance readyToHandOver(CaseDriver destination, ProcessEngine destinationEngine, ProcessInstance caseInstance) {
    destination.reviewAndIdentify(caseInstance, "identified");
    destination.agreeCarePlan(caseInstance);
    destination.complete(destination.task(caseInstance, "UserTask_RegulariseMigrationStatus"), Map.of("regularisationStatus", "not-wanted"));
    destination.deliverEveryReferral(caseInstance);
    destination.complete(destination.task(caseInstance, "UserTask_DecideDurableSolution"),
        Map.of("durableSolution", "repatriation", "durableSolutionReason", "Desea volver"));
    ProcessInstance repatriation = destinationEngine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caseInstance.getId()).singleResult();
    destination.complete(destination.task(repatriation, "UserTask_RecordInformedReturnDecision"), Map.of("wishesToReturn", "yes",
        "informedInOwnLanguage", true, "fearOfReturn", false, "returnCountry", "GT", "originRiskFactors", List.of(),
        "returnDecisionNotes", "Decidido con la persona"));
    destination.runJobs(repatriation);
    destination.complete(destination.task(repatriation, "UserTask_IssueConsularDocuments"),
        Map.of("travelDocumentType", "passport", "travelDocumentIssued", true));
    destination.complete(destination.task(repatriation, "UserTask_PlanReturnTravel"), Map.of("plannedDepartureDate", "2027-02-01",
        "arrivalPlace", "Aeropuerto La Aurora", "travelArrangements", "Vuelo comercial"));

    return repatriation;
  }

  private static ProcessInstance openCase(ProcessEngine engine) throws Exception {
    return new CaseDriver(engine, null, new ObjectMapper()).open(costaRica.getBean(IntakeService.class), """
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "labour-inspection",
         "detectionPlace": {"country": "CR", "region": "Alajuela"}, "sex": "female", "ageYears": 29,
         "nationality": "GT", "migrationStatus": "irregular", "acts": ["recruitment"], "means": ["deception"],
         "purposes": ["forced-labour"], "needs": {"medicalUrgency": "none"}, "wantsToFileComplaint": "no",
         "wishesToReturn": "yes", "identity": {"givenNames": "Marta Frontera", "documentNumber": "GT-DOC-77",
         "phone": "+506 7000 0000", "currentLocation": "Albergue de Heredia"}}
        """, "response-team.cr");
  }

  private static ConfigurableApplicationContext start(String code, String name, String timeZone, String engineName, int port,
      String partnerCode, String partnerEngine, int partnerPort, String ownAccountThere, String partnersAccountHere) throws Exception {
    String database = "region_" + code.toLowerCase();
    try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    return ProductInThisJvm.start(engineName, port, postgres.getJdbcUrl("postgres", database),
        "--nrm.jurisdictions[0].code=" + code,
        "--nrm.jurisdictions[0].name=" + name,
        "--nrm.jurisdictions[0].time-zone=" + timeZone,
        "--nrm.handover.remote-mechanisms." + partnerCode + ".engine-rest-url=http://127.0.0.1:" + partnerPort
            + "/engine-rest/engine/" + partnerEngine,
        "--nrm.handover.remote-mechanisms." + partnerCode + ".user=" + ownAccountThere,
        "--nrm.handover.remote-mechanisms." + partnerCode + ".password=secret-" + ownAccountThere,
        "--nrm.partner-mechanisms[0].user=" + partnersAccountHere,
        "--nrm.partner-mechanisms[0].password=secret-" + partnersAccountHere);
  }

}
