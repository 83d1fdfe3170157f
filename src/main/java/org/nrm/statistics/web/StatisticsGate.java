package org.nrm.statistics.web;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.statistics.query.StatisticsAccess;
import org.nrm.statistics.query.StatisticsAudit;
import org.nrm.statistics.query.StatisticsRequest;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The way into every statistics answer: the request checked, the caller's jurisdictions applied,
 * and the request recorded with its outcome (answered, refused, invalid), before any figure is read.
 */
@Component
class StatisticsGate {

  private final StatisticsAccess access;
  private final StatisticsAudit audit;
  private final IdentityService identity;

  StatisticsGate(StatisticsAccess access, StatisticsAudit audit, IdentityService identity) {
    this.access = access;
    this.audit = audit;
    this.identity = identity;
  }

  /**
   * The request, for the caller; {@code checks} runs first (a format, say) and its refusal is
   * recorded like the others. {@code extra} is recorded with the parameters.
   */
  StatisticsRequest admit(String resource, List<String> jurisdiction, String from, String to, String by, String extra,
      Supplier<?> checks) {
    Authentication caller = identity.getCurrentAuthentication();
    try {
      checks.get();
      StatisticsRequest parsed = StatisticsRequest.parse(jurisdiction, from, to, by);
      StatisticsRequest request = parsed.withJurisdictions(access.jurisdictionsFor(caller, parsed.jurisdictions()));
      audit.record(caller.getUserId(), resource, request.describe() + extra, StatisticsAudit.Outcome.ANSWERED);
      return request;
    } catch (ApiException refused) {
      audit.record(caller.getUserId(), resource, "jurisdiction=" + (jurisdiction == null ? "" : String.join(",", jurisdiction))
          + "&from=" + orEmpty(from) + "&to=" + orEmpty(to) + "&by=" + orEmpty(by) + extra,
          refused.status() == HttpStatus.FORBIDDEN ? StatisticsAudit.Outcome.REFUSED : StatisticsAudit.Outcome.INVALID);
      throw refused;
    }
  }

  /** The caller's jurisdictions, refusing (unrecorded) a caller who may see none. */
  List<String> jurisdictionsOfCaller() {
    return access.jurisdictionsFor(identity.getCurrentAuthentication(), List.of());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
