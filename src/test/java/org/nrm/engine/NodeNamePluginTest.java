package org.nrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The node name on an engine of its own (H2 in memory): the host of its job log and the owner of
 * the jobs its job executor locks; without a name, Camunda's defaults. Two nodes under their names
 * on one database: {@code NodeKilledIntegrationTest}, {@code TimersOnTwoNodesIntegrationTest}.
 */
class NodeNamePluginTest {

  @Test
  void aNamedNodeLocksTheJobsItTakesAndLogsTheJobsItRunsUnderItsName() {
    ProcessEngine engine = engineWith(new NodeNamePlugin(" node-a "));
    try {
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      engine.getRepositoryService().createDeployment().addModelInstance("async.bpmn", Bpmn.createExecutableProcess("AsyncProcess")
          .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent()
          .done()).deploy();
      engine.getRuntimeService().startProcessInstanceByKey("AsyncProcess");

      configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(configuration.getJobExecutor()));
      JobEntity locked = (JobEntity) engine.getManagementService().createJobQuery().singleResult();
      assertThat(locked.getLockOwner()).as("ACT_RU_JOB.LOCK_OWNER_").isEqualTo("node-a");
      engine.getManagementService().executeJob(locked.getId());
      assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(locked.getId()).successLog().singleResult()
          .getHostname()).as("ACT_HI_JOB_LOG.HOSTNAME_").isEqualTo("node-a");
    } finally {
      engine.close();
    }
  }

  @Test
  void withoutANameCamundasDefaultsStay() {
    ProcessEngine engine = engineWith(new NodeNamePlugin(""));
    try {
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(configuration.getHostname()).as("the host's address and the engine's name").endsWith("$" + engine.getName());
      assertThat(UUID.fromString(configuration.getJobExecutor().getLockOwner())).as("a random lock owner").isNotNull();
    } finally {
      engine.close();
    }
  }

  @Test
  void aNameLongerThanTheEnginesColumnsIsRefusedAtStart() {
    assertThatThrownBy(() -> new NodeNamePlugin("n".repeat(NodeNamePlugin.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nrm.cluster.node-name");
  }

  private static ProcessEngine engineWith(NodeNamePlugin plugin) {
    String name = "node-name-" + UUID.randomUUID();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName(name)
        .setJdbcUrl("jdbc:h2:mem:" + name)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.getProcessEnginePlugins().add(plugin);
    return configuration.buildProcessEngine();
  }
}
