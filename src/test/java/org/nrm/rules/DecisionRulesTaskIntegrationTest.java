package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules as BPMN business rule tasks: case variables in, decisions out, audit in history. */
@NrmIntegrationTest
class DecisionRulesTaskIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseDecisionService decisions;

  @BeforeEach
  void deployTheTestModels() {
    engine.getRepositoryService().createDeployment().name("decision-rules-test").enableDuplicateFiltering(false)
        .addClasspathResource("bpmn/DecisionDomainsStepByStepProcess.bpmn")
        .addClasspathResource("bpmn/DecisionDomainsAllAtOnceProcess.bpmn")
        .addClasspathResource("bpmn/DecisionDomainsOfTheReturnProcess.bpmn")
        .deploy();
  }

  @Test
  void eachDomainWritesItsDecisionsAsReadableVariables() {
    String instanceId = start("DecisionDomainsStepByStepProcess", childWhoNeedsEmergencyCare());

    Map<String, TypedValue> variables = historicVariables(instanceId);
    assertThat(variables.get("classification").getValue()).isEqualTo("presumed-trafficking-victim");
    assertThat(variables.get("treatAsChild").getValue()).isEqualTo(true);
    assertThat(variables.get("iccsCode").getValue()).isEqualTo("02041");
    assertThat(variables.get("riskLevel").getValue()).isEqualTo("high");
    assertThat(variables.get("consularNotificationAllowed").getValue()).isEqualTo(true);
    assertThat(variables.get("repatriationAllowed").getValue()).isEqualTo(false);
    assertThat(variables.get("ruleSetVersion").getValue()).isEqualTo(decisions.active().version());

    TypedValue referrals = variables.get("referrals");
    assertThat(referrals.getType().getName()).as("JSON, never a Java-serialized object").isEqualTo("json");
    SpinJsonNode first = ((SpinJsonNode) referrals.getValue()).elements().get(0);
    assertThat(first.prop("institution").stringValue()).isEqualTo("health");
    assertThat(first.prop("dueInHours").numberValue()).isEqualTo(1);
    assertThat(referrals.getValue().toString()).contains("\"institution\":\"child-protection\"");
  }

  @Test
  void theRulesThatDecidedEachStepAreKeptInHistory() {
    String instanceId = start("DecisionDomainsStepByStepProcess", childWhoNeedsEmergencyCare());

    List<String> firedRulesUpdates = engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(instanceId).variableUpdates().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals("firedRules"))
        .map(update -> String.valueOf(update.getValue()))
        .toList();

    assertThat(firedRulesUpdates).hasSize(4);
    assertThat(firedRulesUpdates.get(0)).contains("Una niña, niño o adolescente no necesita medios");
    assertThat(firedRulesUpdates.get(3)).contains("Toda niña, niño o adolescente se deriva a la autoridad de protección de la niñez");
  }

  @Test
  void allDomainsAtOnceDecideAsTheStepsDo() {
    Map<String, TypedValue> stepByStep = historicVariables(start("DecisionDomainsStepByStepProcess", childWhoNeedsEmergencyCare()));
    Map<String, TypedValue> allAtOnce = historicVariables(start("DecisionDomainsAllAtOnceProcess", childWhoNeedsEmergencyCare()));

    for (String decision : List.of("classification", "treatAsChild", "iccsCode", "riskLevel", "consularNotificationAllowed",
        "repatriationAllowed")) {
      assertThat(allAtOnce.get(decision).getValue()).as(decision).isEqualTo(stepByStep.get(decision).getValue());
    }
    assertThat(allAtOnce.get("referrals").getValue().toString()).isEqualTo(stepByStep.get("referrals").getValue().toString());
  }

  @Test
  void listedDomainsDecideTheReturnAndProtectionAloneDecidesTheTravelLater() {
    Map<String, Object> child = childWhoNeedsEmergencyCare();
    child.put("bestInterestsDetermined", true);
    String instanceId = start("DecisionDomainsOfTheReturnProcess", child);

    Map<String, TypedValue> decided = historicVariables(instanceId);
    assertThat(decided.get("returnRiskLevel").getValue()).isEqualTo("low");
    assertThat(decided.get("repatriationAllowed").getValue()).isEqualTo(true);
    assertThat(decided.get("returnTravelAllowed").getValue()).isEqualTo(false);
    assertThat(decided.get("returnTravelBlockedBy").getType().getName()).isEqualTo("json");
    assertThat(decided.get("returnTravelBlockedBy").getValue().toString())
        .contains("Interés superior de la niñez: falta la evaluación familiar en el país de origen y la escolta");
    assertThat(firedRulesUpdates(instanceId)).as("one task, two domains").anySatisfy(fired -> assertThat(fired)
        .contains("Sin riesgos conocidos en el país de origen, el riesgo del retorno es bajo")
        .contains("Una niña, niño o adolescente no viaja sin evaluación familiar"));

    completeTheTravelPreparation(instanceId, Map.of("familyAssessed", true, "escortArranged", true));

    Map<String, TypedValue> confirmed = historicVariables(instanceId);
    assertThat(confirmed.get("returnTravelAllowed").getValue()).isEqualTo(true);
    assertThat(confirmed.get("returnTravelBlockedBy").getValue().toString()).isEqualTo("[]");
    assertThat(confirmed.get("returnRiskLevel").getValue()).isEqualTo("low");
  }

  @Test
  void protectionAloneReadsTheReturnRiskDecidedEarlierInTheProcess() {
    String instanceId = start("DecisionDomainsOfTheReturnProcess", adultWhoWishesToReturnToArmedViolence());

    assertThat(historicVariables(instanceId).get("returnRiskLevel").getValue()).isEqualTo("high");
    assertThat(historicVariables(instanceId).get("repatriationAllowed").getValue()).isEqualTo(false);

    // the facts change, but the risk of the return was decided before and protection reads that decision
    completeTheTravelPreparation(instanceId, Map.of("originRiskFactors", jsonValue("[]").create()));

    Map<String, TypedValue> confirmed = historicVariables(instanceId);
    assertThat(confirmed.get("returnRiskLevel").getValue()).isEqualTo("high");
    assertThat(confirmed.get("returnTravelAllowed").getValue()).isEqualTo(false);
    assertThat(confirmed.get("returnTravelBlockedBy").getValue().toString())
        .contains("La evaluación de riesgo en el país de origen considera inseguro el retorno");
  }

  private void completeTheTravelPreparation(String instanceId, Map<String, Object> variables) {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("UserTask_PrepareTravel").singleResult().getId();
    engine.getTaskService().complete(taskId, variables);
  }

  private List<String> firedRulesUpdates(String instanceId) {
    return engine.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(instanceId).variableUpdates().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals("firedRules"))
        .map(update -> String.valueOf(update.getValue()))
        .toList();
  }

  private String start(String processKey, Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables).getId();
  }

  private Map<String, TypedValue> historicVariables(String instanceId) {
    Map<String, TypedValue> byName = new HashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).list()) {
      byName.put(variable.getName(), variable.getTypedValue());
    }
    return byName;
  }

  /** Intake variables as the data dictionary names them; lists and objects as JSON. */
  static Map<String, Object> childWhoNeedsEmergencyCare() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("jurisdiction", "CR");
    variables.put("ageYears", 15);
    variables.put("possiblyMinor", false);
    variables.put("nationality", "NI");
    variables.put("migrationStatus", "irregular");
    variables.put("fearOfReturn", false);
    variables.put("accompaniedBy", "none");
    variables.put("acts", jsonValue("[\"recruitment\", \"harbouring\"]").create());
    variables.put("means", jsonValue("[]").create());
    variables.put("purposes", jsonValue("[\"sexual-exploitation\"]").create());
    variables.put("needs", jsonValue("{\"medicalUrgency\": \"emergency\", \"shelter\": true}").create());
    variables.put("wantsToFileComplaint", "undecided");
    variables.put("wishesToReturn", "undecided");
    return variables;
  }

  static Map<String, Object> adultWhoWishesToReturnToArmedViolence() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("jurisdiction", "CR");
    variables.put("ageYears", 30);
    variables.put("nationality", "HN");
    variables.put("migrationStatus", "irregular");
    variables.put("acts", jsonValue("[\"recruitment\"]").create());
    variables.put("means", jsonValue("[\"deception\"]").create());
    variables.put("purposes", jsonValue("[\"forced-labour\"]").create());
    variables.put("wishesToReturn", "yes");
    variables.put("returnCountry", "HN");
    variables.put("originRiskFactors", jsonValue("[\"armed-violence\"]").create());
    return variables;
  }
}
