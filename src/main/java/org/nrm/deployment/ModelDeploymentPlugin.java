package org.nrm.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} as one deployment at
 * start-up, with duplicate filtering: an unchanged restart creates no new versions.
 *
 * <p>Spring's auto-deployment names resources by absolute file path, so the same model deployed
 * from another checkout, a jar or a container would count as changed. Here each resource is named
 * by its path under the repository's top-level folder ({@code processes/NrmCaseProcess.bpmn}).
 */
@Component
class ModelDeploymentPlugin extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "nrm-models";
  static final String DEPLOYMENT_SOURCE = "nrm-engine start-up";
  static final String START_UP_REASON = "Modelos y formularios del repositorio (processes/, forms/) al iniciar el producto";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentPlugin.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No models found in processes/ or forms/: nothing deployed");
      return;
    }
    RepositoryService repository = engine.getRepositoryService();
    Deployment previous = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
    DeploymentBuilder deployment = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(false);
    resources.forEach((name, resource) -> deployment.addInputStream(name, read(resource)));
    Deployment deployed = ChangeReasons.because(START_UP_REASON, deployment::deploy);
    boolean unchanged = previous != null && previous.getId().equals(deployed.getId());
    LOG.info("Models of processes/ and forms/: {} resources, deployment {} ({})", resources.size(),
        deployed.getId(), unchanged ? "unchanged" : "new");
  }

  private static Map<String, Resource> findResources() {
    Map<String, Resource> resources = new TreeMap<>(ClasspathFolder.find("processes", "**/*.bpmn", "**/*.dmn"));
    resources.putAll(ClasspathFolder.find("forms", "**/*.form"));
    return resources;
  }

  private static InputStream read(Resource resource) {
    try {
      return resource.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
