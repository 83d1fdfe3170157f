package org.nrm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.Test;

/** The deployment checks element by element, without an engine: what is accepted, what is refused and why. */
class ModelChecksTest {

  private static final ModelVocabulary VOCABULARY = new ModelVocabulary(Set.of("response-team", "child-protection", "police"),
      Set.of("referralGroup", "chooser"), Set.of("findProviders", "applyDecisionRulesDelegate")::contains,
      Set.of("immediate-assistance"), new java.util.LinkedHashSet<>(List.of("screening", "risk")),
      key -> key.equals("review-screening") ? Optional.of(new FormFields(key, java.util.Map.of())) : Optional.empty());

  @Test
  void aTaskForAnInstitutionWithADeadlineAnEscalationAndAFormIsAccepted() {
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups("police")))).isEmpty();
  }

  @Test
  void theGroupExpressionsTheProductEvaluatesAreAccepted() {
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups("${referralGroup}")))).isEmpty();
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups("${chooser}")))).isEmpty();
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups("${treatAsChild ? 'child-protection' : 'response-team'}"))))
        .isEmpty();
  }

  @Test
  void aGroupTheProductCannotEvaluateToAnInstitutionIsRefused() {
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups("${whoever}"))))
        .anySatisfy(problem -> assertThat(problem).contains("la expresión «${whoever}», que el producto no sabe evaluar"));
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups("${treatAsChild ? 'child-protection' : 'nadie'}"))))
        .anySatisfy(problem -> assertThat(problem).contains("elige como grupo candidato «nadie»"));
    assertThat(problemsOf(model(task -> task.camundaCandidateGroups(""))))
        .anySatisfy(problem -> assertThat(problem).contains("no tiene institución responsable"));
  }

  @Test
  void aJavaClassOrAnExpressionThatIsNoBeanIsRefused() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ClassProcess").startEvent("StartEvent_Started")
        .sequenceFlowId("SequenceFlow_ToRun").serviceTask("ServiceTask_Run").camundaClass("org.example.Anything")
        .sequenceFlowId("SequenceFlow_ToCall").serviceTask("ServiceTask_Call").camundaDelegateExpression("${findProviders.now()}")
        .sequenceFlowId("SequenceFlow_ToEnded").endEvent("EndEvent_Ended").done();

    assertThat(ModelChecks.problemsOf(model, VOCABULARY)).extracting(ModelProblem::elementId, ModelProblem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ServiceTask_Run", "El elemento ServiceTask_Run nombra una clase Java"
            + " («org.example.Anything»): un modelo no trae código; use camunda:delegateExpression con un componente del producto"),
        org.assertj.core.groups.Tuple.tuple("ServiceTask_Call", "El elemento ServiceTask_Call llama a «${findProviders.now()}»: una"
            + " expresión de delegado es ${bean}, el nombre de un componente del producto (p. ej. ${applyDecisionRulesDelegate})"));
  }

  @Test
  void aBusinessRuleTaskWithoutTheMechanismsRulesIsRefused() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("RulesProcess").startEvent("StartEvent_Started")
        .sequenceFlowId("SequenceFlow_ToDecide").businessRuleTask("BusinessRuleTask_Decide").camundaDecisionRef("someDmn")
        .sequenceFlowId("SequenceFlow_ToDecideAgain").businessRuleTask("BusinessRuleTask_DecideAgain")
        .camundaDelegateExpression("${applyDecisionRulesDelegate}")
        .sequenceFlowId("SequenceFlow_ToEnded").endEvent("EndEvent_Ended").done();

    assertThat(problemsOf(model)).containsExactly(
        "El elemento BusinessRuleTask_Decide no usa las reglas del mecanismo: una tarea de reglas de negocio llama a"
            + " ${applyDecisionRulesDelegate} con el parámetro de entrada «decisionDomain»",
        "El elemento BusinessRuleTask_DecideAgain no dice qué decide: le falta el parámetro de entrada «decisionDomain» (all o"
            + " una lista de screening, risk)");
  }

  @Test
  void aGatewayPathWithoutAConditionThatIsNotTheDefaultIsRefused() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ChoiceProcess").startEvent("StartEvent_Started")
        .sequenceFlowId("SequenceFlow_ToChoice").exclusiveGateway("Gateway_IsChild")
        .sequenceFlowId("SequenceFlow_IsChildYes").condition("sí", "${isChild}").endEvent("EndEvent_Child")
        .moveToNode("Gateway_IsChild").sequenceFlowId("SequenceFlow_IsChildNo").endEvent("EndEvent_Adult").done();

    assertThat(problemsOf(model)).containsExactly("El elemento SequenceFlow_IsChildNo sale de la compuerta Gateway_IsChild sin"
        + " condición y no es su salida por defecto: dé a cada salida una condición, o marque una como salida por defecto");
  }

  @Test
  void generatedIdsAndAProcessNotNamedAsOneAreRefused() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Process_1x2y3z").startEvent("StartEvent_Started")
        .sequenceFlowId("Flow_0abc123").endEvent("Event_1k2j3h4").done();

    assertThat(ModelChecks.problemsOf(model, VOCABULARY)).extracting(ModelProblem::elementId)
        .containsExactlyInAnyOrder("Process_1x2y3z", "Flow_0abc123", "Event_1k2j3h4");
  }

  private static List<String> problemsOf(BpmnModelInstance model) {
    return ModelChecks.problemsOf(model, VOCABULARY).stream().map(ModelProblem::message).toList();
  }

  /** A process with one user task escalated like the shipped ones, shaped by {@code shape}. */
  private static BpmnModelInstance model(java.util.function.Consumer<UserTaskBuilder> shape) {
    UserTaskBuilder task = Bpmn.createExecutableProcess("OneTaskProcess").startEvent("StartEvent_Started")
        .sequenceFlowId("SequenceFlow_ToWork").userTask("UserTask_Work").name("Trabajar")
        .camundaFormRef("review-screening").camundaFormRefBinding("latest")
        .camundaDueDate("${dueDates.of(jurisdiction, 'immediate-assistance')}");
    shape.accept(task);
    return task.boundaryEvent("BoundaryEvent_WorkOverdue").cancelActivity(false)
        .timerWithDate("${dueDates.of(jurisdiction, 'immediate-assistance')}")
        .sequenceFlowId("SequenceFlow_ToOverdue").endEvent("EndEvent_Overdue")
        .moveToActivity("UserTask_Work").sequenceFlowId("SequenceFlow_ToEnded").endEvent("EndEvent_Ended").done();
  }
}
