package org.nrm.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.modelchanges.ModelChange;
import org.nrm.modelchanges.ModelChangeLog;
import org.nrm.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * The record of every migration executed or refused ({@code nrm_model_change}): who, when, why
 * (the comment), between which versions, by which instructions, which batch and how many cases. An
 * executed one is recorded with the batch's own transaction; a refused one apart, with the
 * refusal's reasons, since nothing else of it is kept.
 */
@Component
class MigrationAudit {

  private static final int MAX_REASON = 2000;
  private static final int MAX_ID = 64;

  private final ModelChangeLog log;

  MigrationAudit(ModelChangeLog log) {
    this.log = log;
  }

  void done(Authentication caller, MigrationRequest request, PlanDrafts.Draft draft, String batchId, int cases) {
    MigrationPreview preview = draft.preview();
    Map<String, Object> details = versions(preview);
    details.put("mappings", request.mappings());
    details.put("instructions", preview.instructions());
    details.put("activeElements", counts(preview.activeElements()));
    log.record(ModelChange.migration(ModelChange.DONE, caller.getUserId(), request.comment(), preview.source().id(),
        preview.target().id(), batchId, cases, details));
  }

  /** A refusal: {@code request} and {@code draft} are null when the request was refused before them. */
  void refused(Authentication caller, MigrationRequest request, PlanDrafts.Draft draft, ApiException refusal) {
    Map<String, Object> details = draft == null ? new LinkedHashMap<>() : versions(draft.preview());
    if (request != null) {
      details.put("asked", request.asked());
    }
    if (draft != null) {
      details.put("instructions", draft.preview().instructions());
      details.put("activeElements", counts(draft.preview().activeElements()));
    }
    details.put("error", refusal.body().error());
    details.put("fields", refusal.body().fields());
    String comment = request == null || request.comment() == null ? "" : request.comment();
    log.recordApart(ModelChange.migration(ModelChange.REFUSED, caller.getUserId(), bounded(comment, MAX_REASON),
        draft == null ? null : bounded(draft.preview().source().id(), MAX_ID),
        draft == null ? null : bounded(draft.preview().target().id(), MAX_ID), null,
        draft == null ? 0 : (int) draft.preview().runningCases(), details));
  }

  private static Map<String, Object> versions(MigrationPreview preview) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("processKey", preview.source().key());
    details.put("sourceVersion", preview.source().version());
    details.put("targetVersion", preview.target().version());
    details.put("targetDeployment", preview.target().deploymentName());
    return details;
  }

  private static Map<String, Long> counts(List<MigrationPreview.ActiveElement> elements) {
    Map<String, Long> counts = new LinkedHashMap<>();
    elements.forEach(element -> counts.put(element.element(), element.cases()));
    return counts;
  }

  private static String bounded(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
