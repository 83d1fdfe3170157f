package org.nrm.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
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

  /** Starts a referral (as the system) and returns the decision task it gives to the institution. */
  public Task taskFor(String institution) {
    return taskFor(institution, "CR");
  }

  /** The same, in a case of that jurisdiction (its tenant). */
  public Task taskFor(String institution, String jurisdiction) {
    String processInstanceId = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, "TEST-" + UUID.randomUUID(), referralTo(institution, jurisdiction)).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
