package org.nrm.casesummary;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.nrm.engine.BackgroundBackfill;
import org.nrm.institutions.TaskCardVariablesPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open tasks of a deployment upgraded to this version get what a task gets when it is created
 * now: its case summary and its card's variables. Runs once after each start, in the background,
 * through every open task without a summary, in batches of one transaction each. Each task's row is
 * locked first and the summary looked for again, so that the nodes of a cluster, starting together,
 * never write a task's summary twice; a task completed meanwhile is left alone.
 */
@Component
class OpenTasksBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(OpenTasksBackfill.class);
  private static final int BATCH = 200;

  private final CaseSummaryPlugin summaries;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final CommandExecutor commands;
  private final boolean onStart;

  OpenTasksBackfill(CaseSummaryPlugin summaries, JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine,
      @Value("${nrm.tasks.backfill-on-start:true}") boolean onStart) {
    this.summaries = summaries;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    this.onStart = onStart;
  }

  @EventListener(ApplicationReadyEvent.class)
  void startInTheBackground() {
    if (onStart) {
      BackgroundBackfill.start("open-tasks-backfill", this::run, LOG, "{} open tasks of earlier versions got their case summary and card");
    }
  }

  /** Every open task of a case without a summary gets it (and its card's variables); returns how many. */
  int run() {
    int written = 0;
    String after = "";
    for (List<String> batch = withoutSummary(after); !batch.isEmpty(); batch = withoutSummary(after)) {
      List<String> tasks = batch;
      written += transaction.execute(status -> tasks.stream().mapToInt(this::summariseLocked).sum());
      after = batch.get(batch.size() - 1);
    }
    return written;
  }

  private List<String> withoutSummary(String after) {
    return jdbc.queryForList("select t.ID_ from ACT_RU_TASK t where t.EXECUTION_ID_ is not null and t.ID_ > ? and not exists"
        + " (select 1 from ACT_RU_VARIABLE v where v.TASK_ID_ = t.ID_ and v.NAME_ = ?) order by t.ID_ limit " + BATCH,
        String.class, after, CaseSummaryPlugin.VARIABLE);
  }

  private int summariseLocked(String taskId) {
    if (jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", String.class, taskId).isEmpty()) {
      return 0;
    }
    return commands.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null || task.getExecution() == null || task.getVariableLocal(CaseSummaryPlugin.VARIABLE) != null) {
        return 0;
      }
      summaries.summarise(task);
      TaskCardVariablesPlugin.describeCase(task);
      return 1;
    });
  }
}
