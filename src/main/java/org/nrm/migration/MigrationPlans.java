package org.nrm.migration;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.engine.AsTheMechanism;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving the running cases of a process version to another version (Camunda's migration API; its
 * Cockpit screens are Enterprise-only): the preview of a plan, its execution as a Camunda batch, and
 * the batch's progress. Analysts and administrators only; the engine work is done as the mechanism
 * once they are allowed, since analysts do not see cases (and get counts, never cases). A refused
 * migration changes nothing; executed or refused, it is recorded ({@link MigrationAudit}).
 */
@Component
public class MigrationPlans {

  public static final String NOT_PREVIEWED = "No se pudo preparar el plan de migración; no se hizo ningún cambio.";
  public static final String NOT_MIGRATED = "No se migró ningún caso; no se hizo ningún cambio.";

  private final PlanDrafts drafts;
  private final RunningCases cases;
  private final MigrationAudit audit;
  private final MigrationsInFlight inFlight;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  MigrationPlans(PlanDrafts drafts, RunningCases cases, MigrationAudit audit, MigrationsInFlight inFlight, RuntimeService runtime,
      ManagementService management, HistoryService history, IdentityService identity, PlatformTransactionManager transactions) {
    this.drafts = drafts;
    this.cases = cases;
    this.audit = audit;
    this.inFlight = inFlight;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What the plan of the request would move and what it cannot; changes nothing. */
  public MigrationPreview preview(Authentication caller, byte[] body) {
    MigrationAccess.require(caller);
    MigrationRequest request = MigrationRequest.read(body, false, NOT_PREVIEWED);
    return AsTheMechanism.call(identity, () -> drafts.draft(request, NOT_PREVIEWED).preview());
  }

  /**
   * Starts the batch that moves every running case of the source version, or refuses (400) when the
   * plan would leave a case on an element without a destination or Camunda rejects it.
   */
  public MigrationStarted start(Authentication caller, byte[] body) {
    MigrationAccess.require(caller);
    MigrationRequest request = null;
    PlanDrafts.Draft draft = null;
    try {
      request = MigrationRequest.read(body, true, NOT_MIGRATED);
      MigrationRequest asked = request;
      draft = AsTheMechanism.call(identity, () -> drafts.draft(asked, NOT_MIGRATED));
      if (!draft.preview().migratable()) {
        throw ApiException.badRequest(ApiError.withFields(NOT_MIGRATED, draft.preview().problems()));
      }
      PlanDrafts.Draft plan = draft;
      return transaction.execute(status -> AsTheMechanism.call(identity, () -> execute(caller, asked, plan)));
    } catch (ApiException refusal) {
      refused(caller, request, draft, refusal);
      throw refusal;
    }
  }

  /**
   * Records the refusal of a migration whose body could not even be read (too large); a caller who
   * may not migrate is refused for that instead (403).
   */
  public void refused(Authentication caller, ApiException refusal) {
    MigrationAccess.require(caller);
    refused(caller, null, null, refusal);
  }

  /** The progress of a migration's batch; empty for an unknown batch or one that is not a migration. */
  public Optional<MigrationProgress> progress(Authentication caller, String batchId) {
    MigrationAccess.require(caller);
    return AsTheMechanism.call(identity, () -> {
      Batch running = management.createBatchQuery().batchId(batchId).type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).singleResult();
      HistoricBatch recorded = history.createHistoricBatchQuery().batchId(batchId).type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION)
          .singleResult();
      if (running == null && recorded == null) {
        return Optional.empty();
      }
      if (running == null) {
        return Optional.of(new MigrationProgress(batchId, MigrationProgress.DONE, recorded.getTotalJobs(),
            recorded.getInvocationsPerBatchJob(), 0, 0, recorded.getStartTime(), recorded.getEndTime()));
      }
      BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      return Optional.of(new MigrationProgress(batchId, MigrationProgress.RUNNING, running.getTotalJobs(),
          running.getInvocationsPerBatchJob(), statistics.getRemainingJobs(), statistics.getFailedJobs(),
          recorded == null ? null : recorded.getStartTime(), null));
    });
  }

  private MigrationStarted execute(Authentication caller, MigrationRequest request, PlanDrafts.Draft draft) {
    String source = draft.versions().source().getId();
    inFlight.lock(source);
    inFlight.runningFrom(source).ifPresent(batch -> {
      throw ApiException.badRequest(ApiError.withField(NOT_MIGRATED, draft.versions().sourceField(), "sus casos ya se están"
          + " migrando (lote " + batch + ", en curso): espere a que termine (GET /api/migrations/" + batch + ") y prepare"
          + " de nuevo la migración de los que queden"));
    });
    List<String> instances = cases.ids(source);
    if (instances.isEmpty()) {
      throw ApiException.badRequest(ApiError.withField(NOT_MIGRATED, draft.versions().sourceField(), "la versión ya no tiene casos"
          + " en curso: no hay nada que migrar"));
    }
    Batch batch;
    try {
      batch = runtime.newMigration(draft.plan()).processInstanceIds(instances).executeAsync();
    } catch (BadUserRequestException e) {
      throw ApiException.badRequest(ApiError.withField(NOT_MIGRATED, "mappings", "Camunda rechazó la migración (" + e.getMessage()
          + ")"));
    }
    audit.done(caller, request, draft, batch.getId(), instances.size());
    MigrationPreview preview = draft.preview();
    return new MigrationStarted(batch.getId(), instances.size(), preview.source(), preview.target(), preview.instructions());
  }

  private void refused(Authentication caller, MigrationRequest request, PlanDrafts.Draft draft, ApiException refusal) {
    if (refusal.status() == HttpStatus.BAD_REQUEST) {
      audit.refused(caller, request, draft, refusal);
    }
  }
}
