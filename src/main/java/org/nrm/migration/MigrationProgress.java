package org.nrm.migration;

import java.util.Date;

/**
 * How far a migration's batch is: {@code running} (its jobs: total, still to run, failed, which
 * Cockpit shows as incidents of the batch) or {@code done}. One job moves {@code casesPerJob} cases.
 */
public record MigrationProgress(String batchId, String state, int totalJobs, int casesPerJob, long remainingJobs,
    long failedJobs, Date startedAt, Date endedAt) {

  public static final String RUNNING = "running";
  public static final String DONE = "done";
}
