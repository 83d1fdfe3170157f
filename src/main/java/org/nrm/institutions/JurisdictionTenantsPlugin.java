package org.nrm.institutions;

import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Each jurisdiction is a Camunda tenant: cases, their tasks and their history carry the tenant id
 * of the case's jurisdiction, so that the engine's tenant check shows a user only the cases of the
 * jurisdictions (tenants) they belong to, in Tasklist, Cockpit and REST alike.
 */
@Component
class JurisdictionTenantsPlugin extends AbstractProcessEnginePlugin {

  private final MechanismProperties properties;

  JurisdictionTenantsPlugin(MechanismProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new JurisdictionTenantIdProvider(Set.copyOf(properties.jurisdictionCodes())));
  }
}
