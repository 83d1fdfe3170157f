package org.nrm.deployment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the deployment checks, before its own deployers ({@link DeploymentValidator}),
 * and the deployment record, after them ({@link DeploymentAudit}): every deployment, whichever way
 * it comes, is checked, and on record once stored.
 */
@Component
class DeploymentChecksPlugin extends AbstractProcessEnginePlugin {

  private final DeploymentValidator validator;
  private final DeploymentAudit audit;

  DeploymentChecksPlugin(DeploymentValidator validator, DeploymentAudit audit) {
    this.validator = validator;
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreDeployers(with(configuration.getCustomPreDeployers(), validator));
    configuration.setCustomPostDeployers(with(configuration.getCustomPostDeployers(), audit));
  }

  private static List<Deployer> with(List<Deployer> deployers, Deployer added) {
    List<Deployer> all = deployers == null ? new ArrayList<>() : new ArrayList<>(deployers);
    all.add(added);
    return all;
  }
}
