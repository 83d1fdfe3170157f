package org.nrm.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * What a model calls exists: each delegate expression (service, send and business rule tasks, task
 * and execution listeners, message events) is {@code ${bean}} with a bean of the product; no Java
 * class is named ({@code camunda:class}: an analyst's model cannot bring code); each business rule
 * task runs the mechanism's Drools rules ({@code ${applyDecisionRulesDelegate}}) for decision
 * domains that exist.
 */
final class Delegates {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String DECISION_RULES = "applyDecisionRulesDelegate";
  static final String DOMAIN_PARAMETER = "decisionDomain";
  static final String ALL_DOMAINS = "all";

  private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private Delegates() {}

  static List<ModelProblem> problemsOf(BpmnModelInstance model, ModelVocabulary vocabulary) {
    List<ModelProblem> problems = new ArrayList<>();
    walk(model.getDocument().getRootElement(), vocabulary, problems);
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      decisionDomains(task, vocabulary, problems);
    }
    return problems;
  }

  private static void walk(DomElement element, ModelVocabulary vocabulary, List<ModelProblem> problems) {
    String delegate = element.getAttribute(CAMUNDA, "delegateExpression");
    if (delegate != null) {
      Matcher bean = BEAN.matcher(delegate);
      if (!bean.matches()) {
        problems.add(about(element, " llama a «" + delegate + "»: una expresión de delegado es ${bean}, el nombre de un"
            + " componente del producto (p. ej. ${applyDecisionRulesDelegate})"));
      } else if (!vocabulary.beans().test(bean.group(1))) {
        problems.add(about(element, " llama a «" + bean.group(1) + "», que no es un componente del producto:"
            + " revise el nombre (las plantillas de elementos de .camunda/element-templates los listan)"));
      }
    }
    if (element.getAttribute(CAMUNDA, "class") != null) {
      problems.add(about(element, " nombra una clase Java («" + element.getAttribute(CAMUNDA, "class") + "»): un modelo"
          + " no trae código; use camunda:delegateExpression con un componente del producto"));
    }
    element.getChildElements().forEach(child -> walk(child, vocabulary, problems));
  }

  private static void decisionDomains(BusinessRuleTask task, ModelVocabulary vocabulary, List<ModelProblem> problems) {
    if (task.getCamundaDecisionRef() != null || !("${" + DECISION_RULES + "}").equals(task.getCamundaDelegateExpression())) {
      problems.add(ModelProblem.of(task, " no usa las reglas del mecanismo: una tarea de reglas de negocio llama a"
          + " ${" + DECISION_RULES + "} con el parámetro de entrada «" + DOMAIN_PARAMETER + "»"));
      return;
    }
    String domains = (task.getExtensionElements() == null ? Stream.<CamundaInputOutput>empty()
        : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream())
        .flatMap(inputOutput -> inputOutput.getCamundaInputParameters().stream())
        .filter(parameter -> DOMAIN_PARAMETER.equals(parameter.getCamundaName()))
        .map(parameter -> parameter.getTextContent() == null ? "" : parameter.getTextContent().trim())
        .findFirst().orElse("");
    String known = ALL_DOMAINS + " o una lista de " + String.join(", ", vocabulary.decisionDomains());
    if (domains.isEmpty()) {
      problems.add(ModelProblem.of(task, " no dice qué decide: le falta el parámetro de entrada «" + DOMAIN_PARAMETER
          + "» (" + known + ")"));
      return;
    }
    if (ALL_DOMAINS.equals(domains)) {
      return;
    }
    List<String> unknown = Arrays.stream(domains.split(",")).map(String::trim)
        .filter(domain -> !vocabulary.decisionDomains().contains(domain)).toList();
    if (!unknown.isEmpty()) {
      problems.add(ModelProblem.of(task, " decide sobre «" + String.join(", ", unknown) + "», que no es un dominio de"
          + " decisión de rules/ (" + known + ")"));
    }
  }

  /** The problem of the element, or of the nearest enclosing element with an id (a listener is inside its task). */
  private static ModelProblem about(DomElement element, String whatIsWrong) {
    for (DomElement owner = element; owner != null; owner = owner.getParentElement()) {
      String id = owner.getAttribute("id");
      if (id != null && owner.getModelElementInstance() instanceof BaseElement base) {
        return ModelProblem.of(base, whatIsWrong);
      }
    }
    return new ModelProblem(null, "El modelo" + whatIsWrong);
  }
}
