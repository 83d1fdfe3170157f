package org.nrm.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.nrm.institutions.Institution;
import org.nrm.modelchanges.ModelChange;
import org.nrm.rules.CaseDecisionService;
import org.nrm.rules.DeadlineTable;
import org.nrm.rules.DecisionDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Every new deployment is checked before anything of it is stored, whichever way it comes (Camunda
 * Modeler through the engine REST API, the start-up, a test): its models ({@link ModelChecks}), its
 * forms ({@link FormChecks}) and, for a person's deployment, its reason. One problem refuses the
 * whole deployment ({@link DeploymentRefusedException}, the engine's transaction rolled back): the
 * versions in use stay. The refusal is on record all the same ({@link DeploymentAudit}).
 *
 * <p>Runs before the engine's own deployers, and only for new deployments: an old version the engine
 * parses again (after a restart, or evicted from its cache) is never refused by later rules.
 */
@Component
class DeploymentValidator implements Deployer {

  /** The process variables the product sets to a group: the provider's or institution's, the chooser's. */
  static final Set<String> GROUP_VARIABLES = Set.of("referralGroup", "chooser");

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentValidator.class);

  private final ApplicationContext beans;
  private final CaseDecisionService decisions;
  private final DeployedModels deployed;
  private final DeploymentAudit audit;

  DeploymentValidator(ApplicationContext beans, CaseDecisionService decisions, DeployedModels deployed,
      DeploymentAudit audit) {
    this.beans = beans;
    this.decisions = decisions;
    this.deployed = deployed;
    this.audit = audit;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().values().stream().sorted(Comparator.comparing(ResourceEntity::getName))
        .forEach(resource -> resources.put(resource.getName(), resource.getBytes()));
    Map<String, List<ModelProblem>> problems = problemsOf(deployment, resources);
    if (!problems.isEmpty()) {
      Map<String, Map<String, int[]>> lines = new HashMap<>();
      resources.forEach((name, content) -> {
        if (isModel(name)) {
          lines.put(name, ElementLines.of(content));
        }
      });
      DeploymentRefusedException refusal = new DeploymentRefusedException(deployment.getName(), problems, lines);
      audit.refused(deployment, resources, problems);
      throw refusal;
    }
  }

  private Map<String, List<ModelProblem>> problemsOf(DeploymentEntity deployment, Map<String, byte[]> resources) {
    Map<String, List<ModelProblem>> problems = new LinkedHashMap<>();
    reasonProblem(deployment, resources).ifPresent(problem ->
        problems.put(deployment.getName() == null ? "despliegue" : deployment.getName(), List.of(problem)));

    Map<String, FormFields> formsByResource = new LinkedHashMap<>();
    Map<String, FormFields> ownForms = new HashMap<>();
    Map<String, BpmnModelInstance> ownModels = new LinkedHashMap<>();
    resources.forEach((name, content) -> {
      if (isForm(name)) {
        try {
          FormFields form = FormChecks.parse(name, content);
          formsByResource.put(name, form);
          ownForms.put(form.id(), form);
        } catch (FormChecks.RefusedForm unreadable) {
          // reported with the form's own problems below
        }
      } else if (isModel(name)) {
        BpmnModelInstance model = ModelChecks.read(content);
        if (model != null) {
          ownModels.put(name, model);
        }
      }
    });
    ModelVocabulary vocabulary = vocabulary(ownForms);
    ownModels.forEach((name, model) -> add(problems, name, ModelChecks.problemsOf(model, vocabulary)));
    Map<String, Set<String>> namesReadWithForm = formsByResource.isEmpty() ? Map.of() : namesReadWithForm(resources, ownModels);
    resources.forEach((name, content) -> {
      if (isForm(name)) {
        List<ModelProblem> found = new ArrayList<>(FormChecks.problemsOf(name, content));
        FormFields form = formsByResource.get(name);
        if (form != null) {
          found.addAll(lostFields(name, form, namesReadWithForm.getOrDefault(form.id(), Set.of())));
        }
        add(problems, name, found);
      }
    });
    return problems;
  }

  /**
   * What a new version of a form lost of what the process reads. A release changes its forms
   * together with the code that reads them: for it, what the version in use required is no contract
   * (it would keep the product from starting), and is logged instead.
   */
  private List<ModelProblem> lostFields(String name, FormFields form, Set<String> readByModels) {
    Optional<FormFields> inUse = deployed.latestForm(form.id()).map(previous -> FormChecks.parse(form.id(), previous));
    if (inUse.isEmpty()) {
      return List.of();
    }
    List<ModelProblem> lost = FormChecks.lostFields(name, form, inUse.get(), readByModels);
    if (isAReleaseAtStartUp()) {
      lost.forEach(changed -> LOG.warn("Form {} of this release changes what the version in use had: {}", name, changed.message()));
      return List.of();
    }
    return lost;
  }

  /**
   * The names the expressions of the models that show each form read: this deployment's models, and
   * the latest deployed version of every other process (read once for all the deployment's forms).
   */
  private Map<String, Set<String>> namesReadWithForm(Map<String, byte[]> resources, Map<String, BpmnModelInstance> ownModels) {
    Map<String, Set<String>> read = new HashMap<>();
    Set<String> ownKeys = new TreeSet<>();
    ownModels.forEach((modelName, model) -> {
      ownKeys.addAll(processKeys(model));
      addNamesRead(read, model, resources.get(modelName));
    });
    for (byte[] xml : deployed.latestProcesses()) {
      BpmnModelInstance model = ModelChecks.read(xml);
      if (model != null && !ownKeys.containsAll(processKeys(model))) {
        addNamesRead(read, model, xml);
      }
    }
    return read;
  }

  private static void addNamesRead(Map<String, Set<String>> read, BpmnModelInstance model, byte[] xml) {
    Set<String> forms = ModelChecks.formsShownBy(model);
    if (!forms.isEmpty()) {
      Set<String> names = ModelChecks.namesReadBy(new String(xml, StandardCharsets.UTF_8));
      forms.forEach(form -> read.computeIfAbsent(form, key -> new TreeSet<>()).addAll(names));
    }
  }

  /** The product's own deployment at start-up: a reason of its own, and nobody logged in. */
  private static boolean isAReleaseAtStartUp() {
    return ChangeReasons.current().isPresent() && Context.getCommandContext().getAuthenticatedUserId() == null;
  }

  private ModelVocabulary vocabulary(Map<String, FormFields> ownForms) {
    Set<String> institutions = Arrays.stream(Institution.values()).filter(institution -> institution != Institution.ANALYSTS)
        .map(Institution::id).collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> domains = Arrays.stream(DecisionDomain.values()).map(DecisionDomain::code)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return new ModelVocabulary(institutions, new TreeSet<>(GROUP_VARIABLES), beans::containsBean, deadlineSteps(),
        domains, key -> Optional.ofNullable(ownForms.get(key))
            .or(() -> deployed.latestForm(key).map(form -> FormChecks.parse(key, form))));
  }

  /** The deadline keys of the active rule set; the shipped table before the rules are active (at start-up). */
  private Set<String> deadlineSteps() {
    try {
      return decisions.active().deadlines().steps();
    } catch (IllegalStateException notActiveYet) {
      return DeadlineTable.parse(ClasspathFolder.readTexts("rules", "deadlines.yml").get("deadlines.yml")).steps();
    }
  }

  /** A person's deployment says why in its name, the only free text Camunda Modeler's deploy dialog has. */
  private static Optional<ModelProblem> reasonProblem(DeploymentEntity deployment, Map<String, byte[]> resources) {
    if (ChangeReasons.current().isPresent() || Context.getCommandContext().getAuthenticatedUserId() == null) {
      return Optional.empty();
    }
    String name = deployment.getName() == null ? "" : deployment.getName().trim();
    boolean aFileName = resources.keySet().stream().map(resource -> resource.substring(resource.lastIndexOf('/') + 1))
        .anyMatch(file -> name.equalsIgnoreCase(file) || name.equalsIgnoreCase(file.replaceFirst("\\.[^.]+$", "")));
    if (name.length() < ModelChange.MIN_REASON_LENGTH || !name.contains(" ") || aFileName) {
      return Optional.of(new ModelProblem(null, "Escriba en el nombre del despliegue por qué lo hace (al menos "
          + ModelChange.MIN_REASON_LENGTH + " caracteres y dos palabras, p. ej. «Añade la revisión jurídica del caso»): es el"
          + " comentario que queda en el registro de cambios" + (name.isEmpty() ? "" : "; «" + name + "» no lo dice")));
    }
    return Optional.empty();
  }

  private static Set<String> processKeys(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream().map(Process::getId).collect(Collectors.toSet());
  }

  private static void add(Map<String, List<ModelProblem>> problems, String resource, List<ModelProblem> found) {
    if (!found.isEmpty()) {
      problems.put(resource, found);
    }
  }

  static boolean isModel(String resourceName) {
    return resourceName.endsWith(".bpmn") || resourceName.endsWith(".bpmn20.xml");
  }

  static boolean isForm(String resourceName) {
    return resourceName.endsWith(".form");
  }
}
