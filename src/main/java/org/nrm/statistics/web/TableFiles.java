package org.nrm.statistics.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.nrm.statistics.StatisticsLabels;
import org.nrm.statistics.query.CaseBreakdown;
import org.nrm.statistics.query.Cell;
import org.nrm.statistics.query.Dimension;

/**
 * A breakdown as a file: CSV (a header of the dimensions and {@code count}, a row per cell, codes
 * as in JSON, a suppressed count left empty) and an Excel workbook for people (a sheet of the
 * figures with Spanish labels and codes, a sheet of what they are).
 */
final class TableFiles {

  private TableFiles() {}

  static byte[] csv(CaseBreakdown.Result result) {
    List<Dimension> by = result.request().by();
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    by.forEach(dimension -> schema.addColumn(dimension.code()));
    schema.addColumn("count", CsvSchema.ColumnType.NUMBER);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SequenceWriter rows = new CsvMapper().writerFor(List.class).with(schema.build()).writeValues(out)) {
      for (Cell cell : result.cells()) {
        List<Object> row = new ArrayList<>(cell.codes());
        row.add(cell.shownCount());
        rows.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] workbook(CaseBreakdown.Result result, StatisticsLabels labels) {
    List<Dimension> by = result.request().by();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Mecanismo nacional de referencia", "1.0");
      Worksheet figures = workbook.newWorksheet("Estadísticas");
      int column = 0;
      for (Dimension dimension : by) {
        figures.value(0, column++, dimension.spanishName());
        figures.value(0, column++, dimension.spanishName() + " (código)");
      }
      figures.value(0, column, "Casos");
      figures.style(0, 0).bold().set();
      int row = 1;
      for (Cell cell : result.cells()) {
        column = 0;
        for (int i = 0; i < by.size(); i++) {
          figures.value(row, column++, labels.of(by.get(i), cell.codes().get(i)));
          figures.value(row, column++, cell.codes().get(i));
        }
        if (cell.suppressed()) {
          figures.value(row, column, "oculto (menos de " + result.minimumCell() + ")");
        } else {
          figures.value(row, column, cell.shownCount());
        }
        row++;
      }
      figures.value(row, 0, "Total de casos");
      if (result.total() == null) {
        figures.value(row, 2 * by.size(), "oculto (menos de " + result.minimumCell() + ")");
      } else {
        figures.value(row, 2 * by.size(), result.total());
      }
      Worksheet about = workbook.newWorksheet("Acerca de");
      about.value(0, 0, "Jurisdicciones");
      about.value(0, 1, String.join(", ", result.request().jurisdictions()));
      about.value(1, 0, "Detectados desde");
      about.value(1, 1, result.request().from() == null ? "(sin límite)" : result.request().from().toString());
      about.value(2, 0, "Detectados hasta");
      about.value(2, 1, result.request().to() == null ? "(sin límite)" : result.request().to().toString());
      about.value(3, 0, "Mínimo publicable");
      about.value(3, 1, result.minimumCell());
      int line = 4;
      for (String note : StatisticsTable.notes(result)) {
        about.value(line++, 0, note);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
