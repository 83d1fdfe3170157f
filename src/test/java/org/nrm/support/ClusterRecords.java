package org.nrm.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What the nodes of a cluster recorded in their shared database, read as an operator would read
 * it: the job log (which node ran a job, when), the jobs a node holds locked, a case's escalations.
 */
public final class ClusterRecords {

  /** The deadline timer every intake leaves: coordination is told when the screening's review is overdue. */
  public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewScreeningOverdue";

  /** A successful run of a job in the job log: the node that ran it and when it ended. */
  public record Run(String node, Instant at) {}

  /** A job locked by a node, and until when. */
  public record Locked(String jobId, Instant until) {}

  private final JdbcTemplate database;

  public ClusterRecords(EmbeddedPostgres postgres) {
    this.database = new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "postgres"), true));
  }

  public JdbcTemplate database() {
    return database;
  }

  /** The successful runs of a job (Camunda's job log, state 2: successful). */
  public List<Run> successfulRuns(String jobId) {
    return database.query("select HOSTNAME_, TIMESTAMP_ from ACT_HI_JOB_LOG where JOB_ID_ = ? and JOB_STATE_ = 2",
        (row, number) -> new Run(row.getString(1), row.getTimestamp(2).toInstant()), jobId);
  }

  /** The failed runs of these jobs in the job log (state 1: failed, to be retried or an incident). */
  public int failedRuns(Collection<String> jobIds) {
    return database.queryForObject("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 1 and JOB_ID_ in ("
        + placeholders(jobIds) + ")", Integer.class, jobIds.toArray());
  }

  /** The jobs of these job definitions that the node holds locked now. */
  public List<Locked> lockedBy(String node, Collection<String> jobDefinitionIds) {
    Object[] arguments = Stream.concat(Stream.of(node), jobDefinitionIds.stream()).toArray();
    return database.query("select ID_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ = ? and JOB_DEF_ID_ in ("
        + placeholders(jobDefinitionIds) + ")",
        (row, number) -> new Locked(row.getString(1), instant(row.getTimestamp(2))), arguments);
  }

  /** The nodes that hold some of these jobs locked now. */
  public Set<String> lockOwners(Collection<String> jobIds) {
    return Set.copyOf(database.queryForList("select distinct LOCK_OWNER_ from ACT_RU_JOB where LOCK_OWNER_ is not null and ID_"
        + " in (" + placeholders(jobIds) + ")", String.class, jobIds.toArray()));
  }

  /** How many of these jobs are still there (not yet run). */
  public int remaining(Collection<String> jobIds) {
    return database.queryForObject("select count(*) from ACT_RU_JOB where ID_ in (" + placeholders(jobIds) + ")", Integer.class,
        jobIds.toArray());
  }

  /** How many times the case's overdue screening review was escalated to coordination ({@code UserTask_EscalateOverdueTask}). */
  public int reviewEscalations(String caseId) {
    return database.queryForObject("select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_"
        + " where p.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = 'UserTask_EscalateOverdueTask' and t.NAME_ = ?", Integer.class,
        caseId, "Tarea vencida: Revisar el tamizaje y coordinar la asistencia inmediata");
  }

  /** How many tasks of the case there have been at that activity, open or done. */
  public int tasks(String caseId, String taskKey) {
    return database.queryForObject("select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_"
        + " where p.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?", Integer.class, caseId, taskKey);
  }

  /** How many tasks of the case are open at that activity. */
  public int openTasks(String caseId, String taskKey) {
    return database.queryForObject("select count(*) from ACT_RU_TASK t join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_"
        + " where p.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?", Integer.class, caseId, taskKey);
  }

  /** The escalations raised in the case's statistics record. */
  public int escalationsRaised(String caseId) {
    return database.queryForObject("select s.escalations_raised from nrm_stat_case s join ACT_HI_PROCINST p on p.ID_ ="
        + " s.process_instance_id where p.BUSINESS_KEY_ = ? and p.PROC_DEF_KEY_ = 'NrmCaseProcess'", Integer.class, caseId);
  }

  private static String placeholders(Collection<?> values) {
    return String.join(",", Collections.nCopies(values.size(), "?"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
