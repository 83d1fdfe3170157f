package org.nrm.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Gives one institution one task of a test case: a referral to it, waiting for its decision. */
public final class InstitutionTasks {

  public static final String PROCESS_KEY = "ReferralProcess";

  private final ProcessEngine engine;

  public InstitutionTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The referral's variables, as the case process passes them. */
  public static Map<String, Object> referralTo(String institution) {
    return referralTo(institution, "CR");
  }

  /** The variables of a referral in a jurisdiction, as the case process passes them. */
  public static Map<String, Object> referralTo(String institution, String jurisdiction) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("jurisdiction", jurisdiction);
    variables.put("institution", institution);
    variables.put("reason", "Caso de prueba");
    variables.put("dueInHours", 24);
    variables.put("workingDays", false);
    return variables;
  }

  /**
   * A referral whose institution has providers in the directory waits for one to be chosen: this
   * chooses none, with the person's consent, so that it goes to the institution as a whole.
   */
  public void toTheInstitution(String referralId) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(referralId)
        .taskDefinitionKey("UserTask_ChooseProvider").singleResult();
    if (task != null) {
      engine.getTaskService().complete(task.getId(), Map.of("provider", "institution", "consentDecision", "given",
          "consentLanguage", "es"));
    }
  }

  /**
   * The open task of the case's referral to the institution, the referral sent to the institution
   * as a whole if it waited for a provider to be chosen.
   */
  public Task referralOf(String caseInstanceId, String institution) {
    for (ProcessInstance referral : engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstanceId)
        .processDefinitionKey(PROCESS_KEY).list()) {
      if (institution.equals(engine.getRuntimeService().getVariable(referral.getId(), "institution"))) {
        toTheInstitution(referral.getId());
        return engine.getTaskService().createTaskQuery().processInstanceId(referral.getId()).singleResult();
      }
    }
    throw new AssertionError("no referral of the case to " + institution);
  }

  /** Starts a referral (as the system) and returns the decision task it gives to the institution. */
  public Task taskFor(String institution) {
    return taskFor(institution, "CR");
  }

  /** The same, in a case of that jurisdiction (its tenant). */
  public Task taskFor(String institution, String jurisdiction) {
    String processInstanceId = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, "TEST-" + UUID.randomUUID(), referralTo(institution, jurisdiction)).getId();
    toTheInstitution(processInstanceId);
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
