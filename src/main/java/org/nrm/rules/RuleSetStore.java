package org.nrm.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.nrm.deployment.ChangeReasons;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Resource;

/**
 * Rule sets kept as Camunda deployments: in the shared database (so every node of a cluster reads
 * the same), versioned, and listed with who deployed them in Cockpit and the operation log.
 *
 * <p>The repository's rules are deployed at start-up as {@value #SHIPPED} with duplicate filtering;
 * analysts' rule sets as {@value #ANALYSTS}. The newest of either is the active one, so an
 * unchanged restart never undoes an analyst's change, and a release with new rules supersedes it.
 */
final class RuleSetStore {

  static final String SHIPPED = "nrm-rules";
  static final String ANALYSTS = "nrm-rules-analysts";
  private static final String PREFIX = "rules/";
  private static final String SHIPPED_REASON = "Reglas del repositorio (rules/) al iniciar el producto";

  /** A stored rule set: its deployment (the version each case records) and its files. */
  record StoredRuleSet(String deploymentId, Map<String, String> files) {}

  private final RepositoryService repository;

  RuleSetStore(RepositoryService repository) {
    this.repository = repository;
  }

  void deployShipped(Map<String, String> files) {
    ChangeReasons.because(SHIPPED_REASON, deploy(SHIPPED, "nrm-engine start-up", files).enableDuplicateFiltering(false)::deploy);
  }

  String deployFromAnalyst(Map<String, String> files, String userId, String reason) {
    return ChangeReasons.because(reason, deploy(ANALYSTS, "api/rule-sets: " + userId, files)::deploy).getId();
  }

  Optional<String> latestVersion() {
    return repository.createDeploymentQuery().deploymentNameLike(SHIPPED + "%")
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().map(Deployment::getId);
  }

  StoredRuleSet load(String deploymentId) {
    Map<String, String> files = new TreeMap<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (resource.getName().startsWith(PREFIX)) {
        files.put(resource.getName().substring(PREFIX.length()), read(deploymentId, resource.getName()));
      }
    }
    return new StoredRuleSet(deploymentId, files);
  }

  private DeploymentBuilder deploy(String name, String source, Map<String, String> files) {
    DeploymentBuilder deployment = repository.createDeployment().name(name).source(source);
    files.forEach((path, text) -> deployment.addString(PREFIX + path, text));
    return deployment;
  }

  private String read(String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
