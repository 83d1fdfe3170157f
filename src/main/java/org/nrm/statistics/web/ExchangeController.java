package org.nrm.statistics.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrm.statistics.StatisticsLabels;
import org.nrm.statistics.exchange.HtcdsExport;
import org.nrm.statistics.query.CaseBreakdown;
import org.nrm.statistics.query.Dimension;
import org.nrm.statistics.query.StatisticsRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the commission shares with other countries and international bodies: the anonymised,
 * k-anonymous case-level records in HTCDS 2.0 ({@code GET /api/statistics/exchange/htcds}) and
 * the table of UNODC's Global Report on Trafficking in Persons, victims by group, form of
 * exploitation and citizenship ({@code GET /api/statistics/exchange/unodc}), suppressed like any
 * breakdown. Same access and records as every statistics request.
 */
@RestController
class ExchangeController {

  private static final List<Dimension> UNODC = List.of(Dimension.VICTIM_GROUP, Dimension.PURPOSE, Dimension.NATIONALITY);

  private final StatisticsGate gate;
  private final HtcdsExport htcds;
  private final CaseBreakdown breakdown;
  private final StatisticsLabels labels;

  ExchangeController(StatisticsGate gate, HtcdsExport htcds, CaseBreakdown breakdown, StatisticsLabels labels) {
    this.gate = gate;
    this.htcds = htcds;
    this.breakdown = breakdown;
    this.labels = labels;
  }

  @GetMapping("/api/statistics/exchange/htcds")
  ResponseEntity<?> htcds(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String format, HttpServletRequest http) {
    StatisticsGate.Admission<String> admitted = gate.admit("exchange-htcds", jurisdiction, from, to, null,
        FileFormats.describe(format), () -> FileFormats.of(format, http.getHeader(HttpHeaders.ACCEPT), false));
    StatisticsRequest request = admitted.request();
    HtcdsExport.Export export = htcds.of(request);
    if (FileFormats.CSV.equals(admitted.checked())) {
      return FileFormats.file(csv(export.records()), FileFormats.CSV, "htcds-casos-anonimizados.csv");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("standard", "HTCDS 2.0");
    answer.put("jurisdictions", request.jurisdictions());
    answer.put("from", request.from() == null ? null : request.from().toString());
    answer.put("to", request.to() == null ? null : request.to().toString());
    answer.put("minimumGroup", export.minimumGroup());
    answer.put("quasiIdentifiers", HtcdsExport.QUASI_IDENTIFIERS);
    answer.put("cases", export.cases());
    answer.put("withheld", export.withheld());
    answer.put("notes", List.of("Registros anonimizados: sin identidad, texto libre, fechas exactas, edad ni lugar más fino que la"
        + " región de primer nivel. Se omiten los casos cuya combinación de cuasi-identificadores comparten menos de "
        + export.minimumGroup() + " casos (withheld)."));
    answer.put("records", export.records());
    return ResponseEntity.ok(answer);
  }

  @GetMapping("/api/statistics/exchange/unodc")
  ResponseEntity<?> unodc(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String format, HttpServletRequest http) {
    StatisticsGate.Admission<String> admitted = gate.admit("exchange-unodc", jurisdiction, from, to, null,
        FileFormats.describe(format), () -> FileFormats.of(format, http.getHeader(HttpHeaders.ACCEPT), true));
    StatisticsRequest request = admitted.request();
    CaseBreakdown.Result result = breakdown.count(new StatisticsRequest(request.jurisdictions(), request.from(), request.to(), UNODC));
    return switch (admitted.checked()) {
      case FileFormats.CSV -> FileFormats.file(TableFiles.csv(result), FileFormats.CSV, "unodc-victimas.csv");
      case FileFormats.XLSX -> FileFormats.file(TableFiles.workbook(result, labels), FileFormats.XLSX, "unodc-victimas.xlsx");
      default -> ResponseEntity.ok(StatisticsTable.json(result, labels));
    };
  }

  private static byte[] csv(List<Map<String, String>> records) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    HtcdsExport.FIELDS.forEach(schema::addColumn);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SequenceWriter rows = new CsvMapper().writerFor(Map.class).with(schema.build()).writeValues(out)) {
      for (Map<String, String> record : records) {
        rows.write(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
