package org.nrm.support;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/** Opens test cases of the placeholder process; each gives one task to one institution. */
public final class PlaceholderCases {

  public static final String PROCESS_KEY = "PlaceholderProcess";

  private final ProcessEngine engine;

  public PlaceholderCases(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Starts a case (as the system) and returns the task it gives to the institution. */
  public Task taskFor(String institution) {
    String processInstanceId = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, "TEST-" + UUID.randomUUID(), Map.of("institution", institution))
        .getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }
}
