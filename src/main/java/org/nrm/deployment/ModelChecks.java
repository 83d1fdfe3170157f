package org.nrm.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Everything a model must be before it is deployed, whichever way it comes: named ids, one
 * institution and a resolvable form per user task, delegates and decision domains that exist, no
 * case without a next step and no wait without a deadline.
 */
public final class ModelChecks {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_][A-Za-z0-9_]*)(?![\\w'])");

  private ModelChecks() {}

  public static List<ModelProblem> problemsOf(BpmnModelInstance model, ModelVocabulary vocabulary) {
    List<ModelProblem> problems = new ArrayList<>();
    problems.addAll(NamedIds.problemsOf(model));
    problems.addAll(TaskAssignments.problemsOf(model, vocabulary));
    problems.addAll(Delegates.problemsOf(model, vocabulary));
    problems.addAll(NextSteps.problemsOf(model));
    problems.addAll(WaitDeadlines.problemsOf(model, vocabulary.deadlineSteps()));
    return problems;
  }

  /** The forms the model's user tasks and start events show (camunda:formRef). */
  public static Set<String> formsShownBy(BpmnModelInstance model) {
    Set<String> forms = new TreeSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> addIfPresent(forms, task.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).forEach(start -> addIfPresent(forms, start.getCamundaFormRef()));
    return forms;
  }

  /** The names the model's expressions (conditions, due dates, parameters) read: variables, and beans too. */
  public static Set<String> namesReadBy(String modelXml) {
    Set<String> names = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(modelXml);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1));
      while (identifier.find()) {
        names.add(identifier.group(1));
      }
    }
    return names;
  }

  /** The model, or null when it is not BPMN the model API can read (the engine's own parser then reports why). */
  public static BpmnModelInstance read(byte[] content) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static void addIfPresent(Set<String> forms, String formRef) {
    if (formRef != null && !formRef.isBlank()) {
      forms.add(formRef);
    }
  }
}
