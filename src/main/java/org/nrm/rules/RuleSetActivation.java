package org.nrm.rules;

import java.util.List;
import java.util.Map;
import org.nrm.deployment.DeadlinesInUse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the active rule set equal to the newest stored one: at engine start (before any job
 * runs), after an analyst's replacement, and periodically, so that every node of a cluster
 * switches to a rule set another node stored.
 */
@Component
public class RuleSetActivation extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RuleSetActivation.class);

  private final CaseDecisionService decisions;
  private final DeadlinesInUse deadlinesInUse;
  private RuleSetStore store;

  RuleSetActivation(CaseDecisionService decisions, DeadlinesInUse deadlinesInUse) {
    this.decisions = decisions;
    this.deadlinesInUse = deadlinesInUse;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    store = new RuleSetStore(engine.getRepositoryService());
    Map<String, String> shipped = ClasspathRules.files();
    store.deployShipped(shipped);
    String latest = store.latestVersion().orElseThrow();
    try {
      activate(latest);
    } catch (RuleSetRejectedException e) {
      // a stored rule set that this release cannot compile (e.g. a fact changed): run the shipped one
      LOG.error("Stored rule set {} does not compile with this release; using the shipped rules: {}", latest, e.getMessage());
      decisions.activate(RuleSetCompiler.compile(latest + "-shipped", shipped));
    }
  }

  /**
   * Replaces the rules: compiles first, stores only what compiles and keeps every deadline the
   * models in use name, then switches.
   *
   * @throws RuleSetRejectedException with Drools' messages or the deadlines missing; the active rules stay in place
   */
  public RuleSet replace(Map<String, String> files, String userId, String reason) {
    RuleSet compiled = RuleSetCompiler.compile("pending", files);
    List<String> missing = deadlinesInUse.missingFrom(compiled.deadlines().steps());
    if (!missing.isEmpty()) {
      throw new RuleSetRejectedException("El conjunto de reglas no tiene los plazos que usan los modelos en uso", missing);
    }
    RuleSet stored = compiled.withVersion(store.deployFromAnalyst(files, userId, reason));
    decisions.activate(stored);
    LOG.info("Rule set {} deployed by {} is active", stored.version(), userId);
    return stored;
  }

  @Scheduled(fixedDelayString = "${nrm.rules.refresh-interval:PT30S}", initialDelayString = "${nrm.rules.refresh-interval:PT30S}")
  void refresh() {
    if (store == null) {
      return;
    }
    store.latestVersion()
        .filter(latest -> !decisions.active().version().startsWith(latest))
        .ifPresent(latest -> {
          try {
            activate(latest);
          } catch (RuleSetRejectedException e) {
            LOG.error("Stored rule set {} does not compile; the active rules stay: {}", latest, e.getMessage());
          }
        });
  }

  private void activate(String version) {
    decisions.activate(RuleSetCompiler.compile(version, store.load(version).files()));
    LOG.info("Rule set {} is active", version);
  }
}
