package org.nrm.engine.authorization;

import java.util.Set;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Puts {@link LinearCockpitRuntimeDelegate} in the place of Cockpit's default once the web
 * application has started (Cockpit's bootstrap installs its default when the servlet context starts;
 * a request served before this sees Cockpit's own statements, with the same answers). On the
 * product's databases only, where the mapper's SQL has been checked; with
 * {@code nrm.engine.linear-authorization-checks=false} Cockpit keeps its own statements too.
 */
@Component
@ConditionalOnClass(Cockpit.class)
@ConditionalOnProperty(name = "nrm.engine.linear-authorization-checks", havingValue = "true", matchIfMissing = true)
class LinearCockpitQueries implements ApplicationListener<ServletWebServerInitializedEvent> {

  private static final Set<String> CHECKED_DATABASES = Set.of("postgres", "h2");

  private final ProcessEngine engine;

  LinearCockpitQueries(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void onApplicationEvent(ServletWebServerInitializedEvent event) {
    String database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    if (CHECKED_DATABASES.contains(database) && !(Cockpit.getRuntimeDelegate() instanceof LinearCockpitRuntimeDelegate)) {
      Cockpit.setCockpitRuntimeDelegate(new LinearCockpitRuntimeDelegate());
    }
  }
}
