package org.nrm.benchmark;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.nrm.engine.VariableJson;
import org.nrm.intake.IntakeService;
import org.nrm.intake.IntakeService.OpenedCase;
import org.nrm.intake.IntakeValidator.FieldError;

/**
 * Takes one case through the product's processes as the institutions would, up to a stage: opens it
 * with the intake service as a first responder, runs its jobs as the job executor would, and
 * completes tasks with the variables their forms set. What is left open at the stage is what the
 * institutions' task lists hold.
 */
final class CaseJourney {

  /** How far a case has gone; each stage leaves other institutions' tasks open. */
  enum Stage {
    /** response-team reviews the screening */
    SCREENING_REVIEW,
    /** response-team decides the identification, or (not a presumed victim) referrals by needs */
    IDENTIFICATION,
    /** care plan (response-team or child-protection), complaint (child-protection; prosecution and police), migration */
    TRACKS_OPEN,
    /** and the service referrals of the rules and the plan, waiting for each institution's answer */
    REFERRED,
    /** referrals accepted (service delivery) or declined (response-team chooses another) */
    REFERRALS_ANSWERED,
    /** every track done: the durable solution, and after it local integration, a third country or a return */
    DURABLE_SOLUTION
  }

  private static final List<String> FIRST_RESPONDERS = List.of("police", "police", "police", "response-team", "health",
      "labour", "migration", "child-protection", "shelter");
  private static final List<String> PLAN_INSTITUTIONS = List.of("shelter", "health", "legal-aid", "social-welfare", "labour",
      "foreign-affairs", "iom");

  private final IntakeService intake;
  private final IdentityService identity;
  private final TaskService tasks;
  private final ManagementService management;
  private final Random random;

  CaseJourney(IntakeService intake, ProcessEngine engine, Random random) {
    this.intake = intake;
    this.identity = engine.getIdentityService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.random = random;
  }

  /** Opens the case and takes it to the stage; returns its case number. */
  String take(ObjectNode body, Stage stage) {
    String jurisdiction = body.get("jurisdiction").asText();
    OpenedCase opened = open(body, FIRST_RESPONDERS.get(random.nextInt(FIRST_RESPONDERS.size())), jurisdiction);
    runJobs(opened.processInstanceId());
    if (stage.compareTo(Stage.IDENTIFICATION) >= 0) {
      complete(opened, "UserTask_ReviewScreening", Map.of("immediateAssistanceCoordinated", true,
          "screeningReviewNotes", "Revisado con la persona"));
    }
    if (stage.compareTo(Stage.TRACKS_OPEN) >= 0) {
      complete(opened, "UserTask_DecideIdentification", Map.of("identificationDecision",
          random.nextInt(100) < 88 ? "identified" : "not-identified", "identificationReason", "Acto, medio y fin valorados"));
    }
    if (stage.compareTo(Stage.REFERRED) >= 0) {
      complete(opened, "UserTask_AgreeCarePlan", Map.of("needsAssessment", "Necesidades evaluadas con la persona",
          "carePlanInstitutions", jsonValue(planInstitutions()).create()));
    }
    if (stage.compareTo(Stage.REFERRALS_ANSWERED) >= 0) {
      answerReferrals(opened);
      complete(opened, "UserTask_DecideComplaintForChild", Map.of("wantsToFileComplaint", random.nextBoolean() ? "yes" : "no",
          "complaintBestInterestsReason", "En su interés superior"));
    }
    if (stage == Stage.DURABLE_SOLUTION) {
      closeTracks(opened);
      decideDurableSolution(opened);
    }
    return opened.caseId();
  }

  /** Claims some of the case's open tasks for their institution's user ("Mis tareas"). */
  void claimSome(String caseId, String jurisdiction, int percent) {
    for (Task task : openTasks(caseId)) {
      if (random.nextInt(100) < percent) {
        String group = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
            .filter(id -> id != null).findFirst().orElse(null);
        if (group != null) {
          tasks.claim(task.getId(), group + "." + jurisdiction.toLowerCase());
        }
      }
    }
  }

  long openTaskCount(String caseId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).count();
  }

  /**
   * Validates as the first responder (the intake checks the caller's jurisdictions), and opens as the
   * engine itself: an authenticated engine command first reads every group that holds any
   * authorization, a scan of one row per open task, which would slow the fill as it grows. The
   * case's history then names no starting user; nothing measured reads it.
   */
  private OpenedCase open(ObjectNode body, String institution, String jurisdiction) {
    String userId = institution + "." + jurisdiction.toLowerCase();
    ObjectNode normalised = body.objectNode();
    List<FieldError> errors;
    identity.setAuthentication(userId, List.of(institution), List.of(jurisdiction));
    try {
      errors = intake.validate(body, normalised);
    } finally {
      identity.clearAuthentication();
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("the generator made an intake the product refuses: " + errors + " in " + body);
    }
    return intake.open(normalised, userId, null, null);
  }

  /** The chooser takes the first provider offered (the institution when none is), with the person's consent. */
  private void chooseProviders(OpenedCase opened) {
    for (Task choice : openTasks(opened.caseId(), "UserTask_ChooseProvider")) {
      String provider = VariableJson.of(tasks.getVariableLocal(choice.getId(), "providerOptions")).get(0).path("value").asText();
      String decision = VariableJson.of(tasks.getVariableLocal(choice.getId(), "consentChoices")).get(0).path("value").asText();
      tasks.complete(choice.getId(), Map.of("provider", provider, "consentDecision", decision, "consentLanguage", "es",
          "consentReason", "Informada en su idioma"));
    }
  }

  private void answerReferrals(OpenedCase opened) {
    chooseProviders(opened);
    for (Task decision : openTasks(opened.caseId(), "UserTask_DecideOnReferral")) {
      boolean accepted = random.nextInt(100) < 75;
      tasks.complete(decision.getId(), accepted ? Map.of("referralDecision", "accepted")
          : Map.of("referralDecision", "declined", "declineReason", "Sin cupo disponible"));
    }
  }

  /** Every parallel track to its end, so that the case reaches its durable solution. */
  private void closeTracks(OpenedCase opened) {
    for (Task choice : openTasks(opened.caseId(), "UserTask_ChooseAnotherProvider")) {
      tasks.complete(choice.getId(), Map.of("institution", "social-welfare"));
    }
    chooseProviders(opened);
    answerEvery(opened, "UserTask_DecideOnReferral", Map.of("referralDecision", "accepted"));
    answerEvery(opened, "UserTask_DeliverService", Map.of("serviceOutcome", "delivered"));
    answerEvery(opened, "UserTask_ReceiveComplaint", Map.of("complaintRegistered", true, "complaintNumber", "EXP-BENCH"));
    answerEvery(opened, "UserTask_ApplyProtectionMeasures", Map.of("protectionMeasures", jsonValue("[\"safe-location\"]").create()));
    answerEvery(opened, "UserTask_RegulariseMigrationStatus", Map.of("regularisationStatus", "procedure-started"));
    runJobs(opened.processInstanceId());
  }

  private void decideDurableSolution(OpenedCase opened) {
    if (random.nextInt(100) < 40) {
      return; // waiting for the decision with the person
    }
    String solution = List.of("local-integration", "local-integration", "third-country", "repatriation").get(random.nextInt(4));
    complete(opened, "UserTask_DecideDurableSolution", Map.of("durableSolution", solution,
        "durableSolutionReason", "Decidido con la persona"));
  }

  private void answerEvery(OpenedCase opened, String taskKey, Map<String, Object> variables) {
    for (Task task : openTasks(opened.caseId(), taskKey)) {
      tasks.complete(task.getId(), variables);
    }
  }

  /** Completes the case's open task at that step, when the route led there, and runs the jobs that follow. */
  private void complete(OpenedCase opened, String taskKey, Map<String, Object> variables) {
    for (Task task : openTasks(opened.caseId(), taskKey)) {
      tasks.complete(task.getId(), new HashMap<>(variables));
    }
    runJobs(opened.processInstanceId());
  }

  private List<Task> openTasks(String caseId, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey).list();
  }

  private List<Task> openTasks(String caseId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).list();
  }

  /** The due asynchronous steps (screening, referrals), as the job executor would run them. */
  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 5; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private String planInstitutions() {
    List<String> chosen = new ArrayList<>();
    for (String institution : PLAN_INSTITUTIONS) {
      if (random.nextInt(100) < 30) {
        chosen.add(institution);
      }
    }
    return chosen.stream().map(code -> "\"" + code + "\"").toList().toString();
  }
}
