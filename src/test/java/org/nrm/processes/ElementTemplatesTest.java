package org.nrm.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nrm.processes.ElementTemplates.CAMUNDA;
import static org.nrm.processes.ElementTemplates.boundTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrm.institutions.Institution;
import org.nrm.rules.DeadlineTable;
import org.nrm.rules.DecisionDomain;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The element templates that analysts apply in Camunda Modeler stay true to the product: their
 * dropdowns list the institutions, the deadlines of rules/deadlines.yml and the decision domains as
 * they are; every delegate the models use has one; and every templated element of the shipped
 * models agrees with its template. (Their JSON schema is checked by the build: lint/element-templates.js.)
 */
class ElementTemplatesTest {

  private static final ElementTemplates TEMPLATES = ElementTemplates.shipped();

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
  }

  @Test
  void theInstitutionDropdownListsEveryInstitutionButTheAnalysts() {
    List<String> institutions = Arrays.stream(Institution.values()).filter(institution -> institution != Institution.ANALYSTS)
        .map(institution -> institution.id() + " " + institution.spanishName()).toList();

    List<JsonNode> dropdowns = TEMPLATES.properties(boundTo("camunda:candidateGroups"))
        .filter(property -> "Dropdown".equals(property.path("type").asText())).toList();

    assertThat(dropdowns).isNotEmpty().allSatisfy(dropdown -> assertThat(dropdown.path("choices").valueStream()
        .map(choice -> choice.path("value").asText() + " " + choice.path("name").asText())).containsExactlyElementsOf(institutions));
    assertThat(TEMPLATES.get("org.nrm.userTask.expressionGroup").path("properties").get(0).path("description").asText())
        .as("the expression's description names every institution")
        .contains(institutions.stream().map(institution -> institution.split(" ")[0]).toList());
  }

  @Test
  void everyDeadlineDropdownListsTheKeysOfDeadlinesYml() throws IOException {
    Set<String> steps = DeadlineTable.parse(Files.readString(Path.of("rules/deadlines.yml"))).steps();

    List<JsonNode> dropdowns = TEMPLATES.properties(boundTo("camunda:dueDate")).toList();

    assertThat(dropdowns).isNotEmpty().allSatisfy(dropdown -> {
      assertThat(dropdown.path("type").asText()).isEqualTo("Dropdown");
      assertThat(dropdown.path("choices").valueStream().map(choice -> choice.path("value").asText()))
          .containsExactlyInAnyOrderElementsOf(steps.stream().map(step -> "${dueDates.of(jurisdiction, '" + step + "')}").toList());
      assertThat(dropdown.path("choices").valueStream()).allSatisfy(choice -> assertThat(choice.path("value").asText())
          .as("the name shows the key").contains("'" + choice.path("name").asText().replaceAll(".*\\((.*)\\)$", "$1") + "'"));
    });
  }

  @Test
  void theDecisionDomainDropdownHasAllAndEveryOtherListOfDomainsInTheirOrder() {
    DecisionDomain[] domains = DecisionDomain.values();
    List<String> lists = new ArrayList<>(List.of("all"));
    for (int subset = 1; subset < (1 << domains.length) - 1; subset++) {
      int members = subset;
      lists.add(Arrays.stream(domains).filter(domain -> (members & (1 << domain.ordinal())) != 0).map(DecisionDomain::code)
          .collect(Collectors.joining(",")));
    }

    JsonNode dropdown = TEMPLATES.properties(binding -> "decisionDomain".equals(binding.path("name").asText())).findFirst().orElseThrow();

    assertThat(dropdown.path("choices").valueStream().map(choice -> choice.path("value").asText()))
        .startsWith("all").containsExactlyInAnyOrderElementsOf(lists);
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyDelegateOfTheModelHasATemplate(Path file) throws IOException {
    Set<String> templated = TEMPLATES.properties(binding -> binding.path("name").asText().equals("camunda:delegateExpression")
        || "delegateExpression".equals(binding.path("implementationType").asText())).map(property -> property.path("value").asText())
        .collect(Collectors.toSet());

    assertThat(delegatesOf(read(file))).allSatisfy(delegate -> assertThat(templated).contains(delegate));
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyTemplatedElementAgreesWithItsTemplate(Path file) throws IOException {
    assertThat(TEMPLATES.problemsOf(read(file))).as(file.toString()).isEmpty();
  }

  @Test
  void everyTemplateIsAppliedInTheShippedModels() throws IOException {
    Set<String> applied = new HashSet<>();
    for (Path file : models().toList()) {
      ElementTemplates.templated(read(file)).forEach(element -> applied.add(element.getAttributeNS(CAMUNDA, "modelerTemplate")));
    }

    assertThat(applied).containsExactlyInAnyOrderElementsOf(TEMPLATES.byId().keySet());
  }

  @ParameterizedTest
  @MethodSource("models")
  void anEscalationTimerFallsDueWithItsTask(Path file) throws IOException {
    for (Element boundary : ElementTemplates.templated(read(file))) {
      if (!"org.nrm.boundaryEvent.overdueEscalation".equals(boundary.getAttributeNS(CAMUNDA, "modelerTemplate"))) {
        continue;
      }
      Element task = ElementTemplates.elementWithId(boundary.getOwnerDocument(), boundary.getAttribute("attachedToRef"));
      NodeList timeDate = boundary.getElementsByTagNameNS("*", "timeDate");

      assertThat(task).as(boundary.getAttribute("id")).isNotNull().extracting(Element::getLocalName).isEqualTo("userTask");
      assertThat(timeDate.getLength()).as(boundary.getAttribute("id")).isOne();
      assertThat(timeDate.item(0).getTextContent().strip()).as(boundary.getAttribute("id"))
          .isEqualTo(task.getAttributeNS(CAMUNDA, "dueDate"));
    }
  }

  @Test
  void eachTemplateIsInAFileNamedAfterItsIdWithAVersion() throws IOException {
    try (Stream<Path> files = Files.list(ElementTemplates.FOLDER)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
          TEMPLATES.byId().keySet().stream().map(id -> id + ".json").toList());
    }
    assertThat(TEMPLATES.byId().values()).allSatisfy(template -> {
      assertThat(template.path("id").asText()).startsWith("org.nrm.");
      assertThat(template.path("version").isInt()).as(template.path("id").asText()).isTrue();
    });
  }

  @Test
  void anElementThatDriftedFromItsTemplateIsReported() {
    String model = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_Drifted" targetNamespace="https://nrm.org/processes">
          <bpmn:process id="DriftedProcess" isExecutable="true">
            <bpmn:userTask id="UserTask_TwoGroups" camunda:candidateGroups="police,prosecution" camunda:formRef="care-plan"
                camunda:formRefBinding="deployment" camunda:dueDate="${dueDates.of(jurisdiction, 'no-such-step')}"
                camunda:modelerTemplate="org.nrm.userTask.institution" camunda:modelerTemplateVersion="1" />
            <bpmn:userTask id="UserTask_FixedGroup" camunda:candidateGroups="police" camunda:formRef="Care Plan"
                camunda:formRefBinding="latest" camunda:dueDate="${dueDates.of(jurisdiction, 'care-plan')}"
                camunda:modelerTemplate="org.nrm.userTask.expressionGroup" camunda:modelerTemplateVersion="7" />
            <bpmn:serviceTask id="ServiceTask_Other" camunda:delegateExpression="${somethingElse}"
                camunda:modelerTemplate="org.nrm.serviceTask.handOverCase" camunda:modelerTemplateVersion="1" />
            <bpmn:businessRuleTask id="BusinessRuleTask_Unknown" camunda:delegateExpression="${applyDecisionRulesDelegate}"
                camunda:modelerTemplate="org.nrm.businessRuleTask.decisionRules" camunda:modelerTemplateVersion="1">
              <bpmn:extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="decisionDomain">protection,screening</camunda:inputParameter></camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:businessRuleTask>
            <bpmn:task id="Task_Gone" camunda:modelerTemplate="org.nrm.task.gone" camunda:modelerTemplateVersion="1" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    List<String> problems = TEMPLATES.problemsOf(ElementTemplates.read(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))));

    assertThat(problems).containsExactlyInAnyOrder(
        "UserTask_TwoGroups: org.nrm.userTask.institution: property camunda:candidateGroups is «police,prosecution», none of the"
            + " template's choices",
        "UserTask_TwoGroups: org.nrm.userTask.institution: property camunda:dueDate is «${dueDates.of(jurisdiction, 'no-such-step')}»,"
            + " none of the template's choices",
        "UserTask_TwoGroups: org.nrm.userTask.institution: property camunda:formRefBinding is «deployment», the template fixes «latest»",
        "UserTask_FixedGroup: org.nrm.userTask.expressionGroup has version 1, not «7»",
        "UserTask_FixedGroup: org.nrm.userTask.expressionGroup: property camunda:candidateGroups «police» does not match ^\\$\\{.+\\}$",
        "UserTask_FixedGroup: org.nrm.userTask.expressionGroup: property camunda:formRef «Care Plan» does not match ^[a-z0-9]+(-[a-z0-9]+)*$",
        "ServiceTask_Other: org.nrm.serviceTask.handOverCase: property camunda:delegateExpression is «${somethingElse}», the template"
            + " fixes «${handOverCaseDelegate}»",
        "ServiceTask_Other: org.nrm.serviceTask.handOverCase: property camunda:asyncBefore is «», the template fixes «true»",
        "BusinessRuleTask_Unknown: org.nrm.businessRuleTask.decisionRules: camunda:inputParameter decisionDomain is"
            + " «protection,screening», none of the template's choices",
        "Task_Gone: no template org.nrm.task.gone in .camunda/element-templates");
  }

  /**
   * The delegates of a model: the tasks' delegate expressions and the execution listeners'. Task
   * listeners (providerChoice, shelterPlaces on a task) are left out: Camunda 7 element templates
   * cannot bind a task listener.
   */
  private static Set<String> delegatesOf(Document model) {
    Set<String> delegates = new HashSet<>();
    NodeList all = model.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttributeNS(CAMUNDA, "delegateExpression")) {
        delegates.add(element.getAttributeNS(CAMUNDA, "delegateExpression"));
      }
      if (CAMUNDA.equals(element.getNamespaceURI()) && "executionListener".equals(element.getLocalName())
          && element.hasAttribute("delegateExpression")) {
        delegates.add(element.getAttribute("delegateExpression"));
      }
    }
    return delegates;
  }

  private static Document read(Path file) throws IOException {
    try (InputStream model = Files.newInputStream(file)) {
      return ElementTemplates.read(model);
    }
  }
}
