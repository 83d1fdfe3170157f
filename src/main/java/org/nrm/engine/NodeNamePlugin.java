package org.nrm.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name in a cluster ({@code nrm.cluster.node-name}, {@code NRM_NODE_NAME}), so that an
 * operator sees in Cockpit and in the database which node ran a job and which one holds it: the
 * engine records it as the host of every job log entry ({@code ACT_HI_JOB_LOG.HOSTNAME_}) and as
 * the reporter of its metrics, and its job executor locks the jobs it takes under it
 * ({@code ACT_RU_JOB.LOCK_OWNER_}). Unset, Camunda's defaults stay: the host's address with the
 * engine's name (the same for two nodes on one machine) and a random lock owner at every start.
 */
@Component
class NodeNamePlugin extends AbstractProcessEnginePlugin {

  /** The engine's columns for the host and the lock owner are {@code varchar(255)}. */
  static final int MAX_LENGTH = 255;

  private final String nodeName;

  NodeNamePlugin(@Value("${nrm.cluster.node-name:}") String nodeName) {
    this.nodeName = nodeName == null ? "" : nodeName.strip();
    if (this.nodeName.length() > MAX_LENGTH) {
      // else every job acquisition would fail on the column, and no job would ever run on this node
      throw new IllegalArgumentException("nrm.cluster.node-name has " + this.nodeName.length() + " characters; at most "
          + MAX_LENGTH);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isEmpty()) {
      configuration.setHostname(nodeName);
    }
  }

  /** After init: the job executor (the starter's or the engine's default) exists, and starts only later. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isEmpty() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeName);
    }
  }
}
