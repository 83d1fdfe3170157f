package org.nrm.deployment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.nrm.modelchanges.ModelChange;
import org.nrm.modelchanges.ModelChangeLog;
import org.springframework.stereotype.Component;

/**
 * Every deployment on record ({@code nrm_model_change}): who made it (the engine's authenticated
 * user; {@code system} for the product's own at start-up), when, why, and what changed: each
 * resource's name, SHA-256 and whether it is new, changed or unchanged against the version in use.
 * An accepted deployment is recorded in its own transaction, after the engine's deployers accepted
 * it; a refused one apart ({@link DeploymentValidator}).
 */
@Component
class DeploymentAudit implements Deployer {

  static final String SYSTEM = "system";

  private final DeployedModels deployed;
  private final ModelChangeLog changes;

  DeploymentAudit(DeployedModels deployed, ModelChangeLog changes) {
    this.deployed = deployed;
    this.changes = changes;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.isNew()) {
      changes.record(ModelChange.deployment(ModelChange.DONE, changedBy(), reasonOf(deployment), deployment.getId(),
          details(deployment, resourcesOf(deployment), Map.of())));
    }
  }

  void refused(DeploymentEntity deployment, Map<String, byte[]> resources, Map<String, List<ModelProblem>> problems) {
    changes.recordApart(ModelChange.deployment(ModelChange.REFUSED, changedBy(), reasonOf(deployment), null,
        details(deployment, resources, problems)));
  }

  private Map<String, Object> details(DeploymentEntity deployment, Map<String, byte[]> resources,
      Map<String, List<ModelProblem>> problems) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deploymentName", deployment.getName());
    details.put("source", deployment.getSource());
    details.put("tenantId", deployment.getTenantId());
    List<Map<String, String>> described = new ArrayList<>();
    resources.forEach((name, content) -> {
      String hash = sha256(content);
      Map<String, String> resource = new LinkedHashMap<>();
      resource.put("name", name);
      resource.put("sha256", hash);
      resource.put("change", previousOf(deployment, name, content)
          .map(previous -> sha256(previous).equals(hash) ? "unchanged" : "changed").orElse("new"));
      described.add(resource);
    });
    details.put("resources", described);
    if (!problems.isEmpty()) {
      Map<String, List<String>> messages = new LinkedHashMap<>();
      problems.forEach((resource, found) -> messages.put(resource, found.stream().map(ModelProblem::message).toList()));
      details.put("problems", messages);
    }
    return details;
  }

  /** The version in use of the resource: the latest of its process or form, else of its deployment's name. */
  private Optional<byte[]> previousOf(DeploymentEntity deployment, String name, byte[] content) {
    if (DeploymentValidator.isModel(name)) {
      BpmnModelInstance model = ModelChecks.read(content);
      return model == null ? Optional.empty() : model.getModelElementsByType(Process.class).stream().findFirst()
          .flatMap(process -> deployed.latestProcess(process.getId()));
    }
    if (DeploymentValidator.isForm(name)) {
      try {
        return deployed.latestForm(FormChecks.parse(name, content).id());
      } catch (FormChecks.RefusedForm unreadable) {
        return Optional.empty();
      }
    }
    return deployment.getName() == null ? Optional.empty() : deployed.latestResource(deployment.getName(), name);
  }

  static String changedBy() {
    String user = Context.getCommandContext().getAuthenticatedUserId();
    return user == null ? SYSTEM : user;
  }

  static String reasonOf(DeploymentEntity deployment) {
    return ChangeReasons.current().orElseGet(() -> {
      String name = deployment.getName() == null || deployment.getName().isBlank() ? "(sin nombre)" : deployment.getName();
      return deployment.getSource() == null ? name : name + " (" + deployment.getSource() + ")";
    });
  }

  private static Map<String, byte[]> resourcesOf(DeploymentEntity deployment) {
    Map<String, byte[]> resources = new TreeMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      resources.put(resource.getName(), resource.getBytes());
    }
    return resources;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
