package org.nrm.statistics.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrm.statistics.StatisticsLabels;
import org.nrm.statistics.query.CaseBreakdown;
import org.nrm.statistics.query.Cell;
import org.nrm.statistics.query.Dimension;

/**
 * A breakdown as every format shows it: the JSON answer, and the rows and notes that the CSV and
 * the workbook write. A suppressed count is shown as nothing, never as a number.
 */
final class StatisticsTable {

  static final String PER_PURPOSE_NOTE = "Un caso con varias formas de explotación se cuenta una vez en cada una: la suma de las"
      + " filas por forma de explotación es mayor que el total de casos.";

  private StatisticsTable() {}

  static Map<String, Object> json(CaseBreakdown.Result result, StatisticsLabels labels) {
    List<Dimension> by = result.request().by();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jurisdictions", result.request().jurisdictions());
    answer.put("from", result.request().from() == null ? null : result.request().from().toString());
    answer.put("to", result.request().to() == null ? null : result.request().to().toString());
    answer.put("by", by.stream().map(Dimension::code).toList());
    answer.put("minimumCell", result.minimumCell());
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Map<String, String>> shownLabels = new LinkedHashMap<>();
    by.forEach(dimension -> shownLabels.put(dimension.code(), new LinkedHashMap<>()));
    for (Cell cell : result.cells()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < by.size(); i++) {
        row.put(by.get(i).code(), cell.codes().get(i));
        shownLabels.get(by.get(i).code()).put(cell.codes().get(i), labels.of(by.get(i), cell.codes().get(i)));
      }
      row.put("count", cell.shownCount());
      if (cell.suppressed()) {
        row.put("suppressed", true);
      }
      rows.add(row);
    }
    answer.put("rows", rows);
    answer.put("total", result.total());
    if (result.total() == null) {
      answer.put("totalSuppressed", true);
    }
    answer.put("countsCasesOncePerPurpose", result.countsCasesPerPurpose());
    answer.put("labels", shownLabels);
    answer.put("notes", notes(result));
    return answer;
  }

  static List<String> notes(CaseBreakdown.Result result) {
    List<String> notes = new ArrayList<>();
    notes.add("Casos contados por su fecha de detección. Para proteger a las víctimas, ninguna cifra de 1 a "
        + (result.minimumCell() - 1) + " casos se muestra, y se ocultan también otras cifras cuando permitirían deducirla restando"
        + " de los totales.");
    if (result.countsCasesPerPurpose()) {
      notes.add(PER_PURPOSE_NOTE);
    }
    return notes;
  }
}
