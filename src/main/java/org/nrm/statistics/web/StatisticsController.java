package org.nrm.statistics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.nrm.statistics.StatisticsLabels;
import org.nrm.statistics.query.CaseBreakdown;
import org.nrm.statistics.query.Indicators;
import org.nrm.statistics.query.StatisticsAccess;
import org.nrm.statistics.query.StatisticsAudit;
import org.nrm.statistics.query.StatisticsRequest;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national commission's figures: counts of cases by the dimensions asked for
 * ({@code GET /api/statistics/cases}) as JSON, CSV or an Excel workbook, and the Spanish label of
 * every code ({@code GET /api/statistics/labels}); the mechanism's indicators
 * ({@code GET /api/statistics/indicators}). Only coordination (of its own jurisdictions) and
 * administrators get them; every request is recorded, answered or not.
 */
@RestController
class StatisticsController {

  private final StatisticsAccess access;
  private final StatisticsAudit audit;
  private final CaseBreakdown breakdown;
  private final Indicators indicators;
  private final StatisticsLabels labels;
  private final IdentityService identity;

  StatisticsController(StatisticsAccess access, StatisticsAudit audit, CaseBreakdown breakdown, Indicators indicators,
      StatisticsLabels labels, IdentityService identity) {
    this.access = access;
    this.audit = audit;
    this.breakdown = breakdown;
    this.indicators = indicators;
    this.labels = labels;
    this.identity = identity;
  }

  @GetMapping("/api/statistics/cases")
  ResponseEntity<?> cases(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String by,
      @RequestParam(required = false) String format, HttpServletRequest request) {
    Authentication caller = identity.getCurrentAuthentication();
    String asked = "jurisdiction=" + (jurisdiction == null ? "" : String.join(",", jurisdiction)) + "&from=" + nullToEmpty(from)
        + "&to=" + nullToEmpty(to) + "&by=" + nullToEmpty(by) + (format == null ? "" : "&format=" + format);
    CaseBreakdown.Result result;
    String type;
    try {
      type = formatOf(format, request.getHeader(HttpHeaders.ACCEPT));
      StatisticsRequest parsed = StatisticsRequest.parse(jurisdiction, from, to, by);
      result = breakdown.count(parsed.withJurisdictions(access.jurisdictionsFor(caller, parsed.jurisdictions())));
    } catch (ApiException refused) {
      audit.record(caller.getUserId(), "cases", asked, refused.status() == HttpStatus.FORBIDDEN
          ? StatisticsAudit.Outcome.REFUSED : StatisticsAudit.Outcome.INVALID);
      throw refused;
    }
    audit.record(caller.getUserId(), "cases", result.request().describe() + (format == null ? "" : "&format=" + format),
        StatisticsAudit.Outcome.ANSWERED);
    return switch (type) {
      case TableFiles.CSV -> file(TableFiles.csv(result), "text/csv;charset=UTF-8", "estadisticas-casos.csv");
      case TableFiles.XLSX -> file(TableFiles.workbook(result, labels), TableFiles.XLSX, "estadisticas-casos.xlsx");
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(StatisticsTable.json(result, labels));
    };
  }

  @GetMapping("/api/statistics/indicators")
  Map<String, Object> indicators(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Authentication caller = identity.getCurrentAuthentication();
    StatisticsRequest request;
    try {
      StatisticsRequest parsed = StatisticsRequest.parse(jurisdiction, from, to, null);
      request = parsed.withJurisdictions(access.jurisdictionsFor(caller, parsed.jurisdictions()));
    } catch (ApiException refused) {
      audit.record(caller.getUserId(), "indicators", "jurisdiction=" + (jurisdiction == null ? "" : String.join(",", jurisdiction))
          + "&from=" + nullToEmpty(from) + "&to=" + nullToEmpty(to), refused.status() == HttpStatus.FORBIDDEN
          ? StatisticsAudit.Outcome.REFUSED : StatisticsAudit.Outcome.INVALID);
      throw refused;
    }
    audit.record(caller.getUserId(), "indicators", request.describe(), StatisticsAudit.Outcome.ANSWERED);
    return indicators.of(request, ClockUtil.getCurrentTime().toInstant());
  }

  @GetMapping("/api/statistics/labels")
  Map<String, Map<String, String>> labels() {
    Authentication caller = identity.getCurrentAuthentication();
    try {
      access.jurisdictionsFor(caller, List.of());
    } catch (ApiException refused) {
      audit.record(caller.getUserId(), "labels", "", StatisticsAudit.Outcome.REFUSED);
      throw refused;
    }
    audit.record(caller.getUserId(), "labels", "", StatisticsAudit.Outcome.ANSWERED);
    return labels.all();
  }

  /** {@code format=csv|xlsx|json} first (a link in a browser cannot set Accept), then the Accept header; JSON by default. */
  private static String formatOf(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip()) {
        case "csv" -> TableFiles.CSV;
        case "xlsx" -> TableFiles.XLSX;
        case "json" -> MediaType.APPLICATION_JSON_VALUE;
        default -> throw ApiException.badRequest(ApiError.withField("La consulta de estadísticas no es válida.", "format",
            "«" + format + "» no es un formato: use json, csv o xlsx."));
      };
    }
    String header = accept == null ? "" : accept;
    if (header.contains(TableFiles.XLSX)) {
      return TableFiles.XLSX;
    }
    return header.contains(TableFiles.CSV) && !header.contains(MediaType.APPLICATION_JSON_VALUE) ? TableFiles.CSV
        : MediaType.APPLICATION_JSON_VALUE;
  }

  private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
