package org.nrm.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Each user task goes to exactly one institution, and shows a form that resolves. The candidate
 * group is an institution of the mechanism, or an expression the product evaluates to one: a
 * variable the product sets to a group ({@code ${referralGroup}}, {@code ${chooser}}), or a choice
 * between two institutions ({@code ${treatAsChild ? 'child-protection' : 'response-team'}}). No task
 * is assigned to a person by the model. Forms are Camunda Forms bound {@code latest}: a form deployed
 * alone reaches the tasks of every version, and a diagram deployed alone finds the forms deployed
 * before it.
 */
final class TaskAssignments {

  static final String FORM_BINDING = "latest";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
  private static final Pattern CHOICE = Pattern.compile(
      "\\$\\{\\s*[^?{}]+\\?\\s*'([^']*)'\\s*:\\s*'([^']*)'\\s*}");

  private TaskAssignments() {}

  static List<ModelProblem> problemsOf(BpmnModelInstance model, ModelVocabulary vocabulary) {
    List<ModelProblem> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      candidateGroup(task, vocabulary, problems);
      if (task.getCamundaAssignee() != null || task.getCamundaCandidateUsers() != null) {
        problems.add(ModelProblem.of(task, " está asignado a personas (camunda:assignee o camunda:candidateUsers): cada"
            + " tarea es de una institución, que la reparte entre su personal; quite esa asignación"));
      }
      form(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), task.getCamundaFormKey(), true,
          vocabulary, problems);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      form(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), start.getCamundaFormKey(), false,
          vocabulary, problems);
    }
    return problems;
  }

  private static void candidateGroup(UserTask task, ModelVocabulary vocabulary, List<ModelProblem> problems) {
    String group = task.getCamundaCandidateGroups() == null ? "" : task.getCamundaCandidateGroups().trim();
    String known = " (instituciones: " + String.join(", ", vocabulary.institutions()) + ")";
    if (group.isEmpty()) {
      problems.add(ModelProblem.of(task, " no tiene institución responsable: indique un grupo candidato"
          + " (camunda:candidateGroups)" + known));
      return;
    }
    if (!group.startsWith("${")) {
      if (group.contains(",")) {
        problems.add(ModelProblem.of(task, " tiene varios grupos candidatos («" + group + "»): una sola institución"
            + " responde por cada tarea"));
      } else if (!vocabulary.institutions().contains(group)) {
        problems.add(ModelProblem.of(task, " tiene como grupo candidato «" + group + "», que no es una institución del"
            + " mecanismo: nadie vería sus tareas" + known));
      }
      return;
    }
    Matcher variable = VARIABLE.matcher(group);
    if (variable.matches()) {
      if (!vocabulary.groupVariables().contains(variable.group(1))) {
        problems.add(ModelProblem.of(task, " tiene como grupo candidato la expresión «" + group + "», que el producto no"
            + " sabe evaluar a una institución (variables de grupo: " + String.join(", ", vocabulary.groupVariables())
            + "; o una elección ${condición ? 'institución' : 'institución'})"));
      }
      return;
    }
    Matcher choice = CHOICE.matcher(group);
    if (!choice.matches()) {
      problems.add(ModelProblem.of(task, " tiene como grupo candidato la expresión «" + group + "», que el producto no"
          + " sabe evaluar a una institución: use una institución, una variable de grupo ("
          + String.join(", ", vocabulary.groupVariables()) + ") o ${condición ? 'institución' : 'institución'}"));
      return;
    }
    for (String institution : List.of(choice.group(1), choice.group(2))) {
      if (!vocabulary.institutions().contains(institution)) {
        problems.add(ModelProblem.of(task, " elige como grupo candidato «" + institution + "», que no es una"
            + " institución del mecanismo" + known));
      }
    }
  }

  private static void form(BaseElement element, String formRef, String binding, String formKey, boolean required,
      ModelVocabulary vocabulary, List<ModelProblem> problems) {
    if (formKey != null) {
      problems.add(ModelProblem.of(element, " usa camunda:formKey («" + formKey + "»): use un formulario de Camunda"
          + " (camunda:formRef) de forms/, con formRefBinding «latest»"));
      return;
    }
    if (formRef == null || formRef.isBlank()) {
      if (required) {
        problems.add(ModelProblem.of(element, " no tiene formulario: indique uno de forms/ en camunda:formRef, con"
            + " formRefBinding «latest»"));
      }
      return;
    }
    if (!FORM_BINDING.equals(binding)) {
      problems.add(ModelProblem.of(element, " enlaza su formulario con formRefBinding «" + binding + "»: use «latest»,"
          + " para que encuentre el formulario aunque se despliegue solo el diagrama o solo el formulario"));
    }
    if (vocabulary.forms().apply(formRef).isEmpty()) {
      problems.add(ModelProblem.of(element, " usa el formulario «" + formRef + "», que no está en este despliegue ni"
          + " se desplegó antes: despliéguelo con el diagrama (forms/" + formRef + ".form)"));
    }
  }
}
