package org.nrm.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** A refusal's problem as the engine REST API reports it: message, line and column, the element. */
record DeploymentProblem(String message, int line, int column, String mainElementId) implements Problem {

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return mainElementId;
  }

  @Override
  public List<String> getElementIds() {
    return mainElementId == null ? List.of() : List.of(mainElementId);
  }
}
