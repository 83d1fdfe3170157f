package org.nrm.institutions;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Brings the engine's identities and permissions up to the configured mechanism at every start:
 * institutions, jurisdictions, administrator, demo users, Tasklist filters and grants. Idempotent.
 */
@Component
class EngineBootstrapPlugin extends AbstractProcessEnginePlugin {

  private final MechanismProperties properties;

  EngineBootstrapPlugin(MechanismProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    new IdentityBootstrap(engine.getIdentityService(), properties).ensure();
    var filterIds = new TasklistFilters(engine.getFilterService(), engine.getTaskService()).ensure();
    new AccessPolicy(new Grants(engine.getAuthorizationService()), properties.startableProcesses())
        .ensure(filterIds);
  }
}
