package org.nrm.statistics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.nrm.statistics.StatisticsLabels;
import org.nrm.statistics.query.CaseBreakdown;
import org.nrm.statistics.query.Indicators;
import org.nrm.statistics.query.StatisticsRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national commission's figures: counts of cases by the dimensions asked for
 * ({@code GET /api/statistics/cases}) as JSON, CSV or an Excel workbook; the mechanism's
 * indicators ({@code GET /api/statistics/indicators}); the Spanish label of every code
 * ({@code GET /api/statistics/labels}). Only coordination (of its own jurisdictions) and
 * administrators get them; every request is recorded, answered or not.
 */
@RestController
class StatisticsController {

  private final StatisticsGate gate;
  private final CaseBreakdown breakdown;
  private final Indicators indicators;
  private final StatisticsLabels labels;

  StatisticsController(StatisticsGate gate, CaseBreakdown breakdown, Indicators indicators, StatisticsLabels labels) {
    this.gate = gate;
    this.breakdown = breakdown;
    this.indicators = indicators;
    this.labels = labels;
  }

  @GetMapping("/api/statistics/cases")
  ResponseEntity<?> cases(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String by,
      @RequestParam(required = false) String format, HttpServletRequest http) {
    StatisticsGate.Admission<String> admitted = gate.admit("cases", jurisdiction, from, to, by, FileFormats.describe(format),
        () -> FileFormats.of(format, http.getHeader(HttpHeaders.ACCEPT), true));
    CaseBreakdown.Result result = breakdown.count(admitted.request());
    return switch (admitted.checked()) {
      case FileFormats.CSV -> FileFormats.file(TableFiles.csv(result), FileFormats.CSV, "estadisticas-casos.csv");
      case FileFormats.XLSX -> FileFormats.file(TableFiles.workbook(result, labels), FileFormats.XLSX, "estadisticas-casos.xlsx");
      default -> ResponseEntity.ok(StatisticsTable.json(result, labels));
    };
  }

  @GetMapping("/api/statistics/indicators")
  Map<String, Object> indicators(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    StatisticsRequest request = gate.admit("indicators", jurisdiction, from, to, null, "");
    return indicators.of(request, ClockUtil.getCurrentTime().toInstant());
  }

  /**
   * The jurisdictions whose statistics the caller may see, or 403: what Cockpit asks to show its
   * entry. It shows no figure, so it is not recorded (Cockpit asks on every page load).
   */
  @GetMapping("/api/statistics/access")
  Map<String, Object> access() {
    return Map.of("jurisdictions", gate.jurisdictionsOfCaller());
  }

  @GetMapping("/api/statistics/labels")
  Map<String, Map<String, String>> labels() {
    gate.admit("labels", null, null, null, null, "");
    return labels.all();
  }
}
