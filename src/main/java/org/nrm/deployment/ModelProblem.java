package org.nrm.deployment;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * What makes a model or a form unfit to deploy, in Spanish for the analyst, with the id of the
 * element it is about ({@code null} for the model or form as a whole).
 */
public record ModelProblem(String elementId, String message) {

  /** "El elemento UserTask_X «Nombre»" followed by what is wrong with it. */
  public static ModelProblem of(BaseElement element, String whatIsWrong) {
    return new ModelProblem(element.getId(), describe(element) + whatIsWrong);
  }

  static String describe(BaseElement element) {
    String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
    return "El elemento " + element.getId() + (name == null || name.equals(element.getId()) ? "" : " «" + name + "»");
  }

  @Override
  public String toString() {
    return message;
  }
}
