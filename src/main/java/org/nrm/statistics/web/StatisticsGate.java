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

  /** An admitted request, and what its other parameter (the answer's format, say) was checked to be. */
  record Admission<T>(StatisticsRequest request, T checked) {}

  /** The request, for the caller. {@code extra} is recorded with the parameters. */
  StatisticsRequest admit(String resource, List<String> jurisdiction, String from, String to, String by, String extra) {
    return admit(resource, jurisdiction, from, to, by, extra, () -> null).request();
  }

  /** The same, with another parameter checked first ({@code check}), its refusal recorded like the others. */
  <T> Admission<T> admit(String resource, List<String> jurisdiction, String from, String to, String by, String extra,
      Supplier<T> check) {
    Authentication caller = identity.getCurrentAuthentication();
    try {
      T checked = check.get();
      StatisticsRequest parsed = StatisticsRequest.parse(jurisdiction, from, to, by);
      StatisticsRequest request = parsed.withJurisdictions(access.jurisdictionsFor(caller, parsed.jurisdictions()));
      audit.record(caller.getUserId(), resource, request.describe() + extra, StatisticsAudit.Outcome.ANSWERED);
      return new Admission<>(request, checked);
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
