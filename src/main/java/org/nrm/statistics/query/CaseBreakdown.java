package org.nrm.statistics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts cases of the statistics store by the dimensions of a request, one SQL aggregate over the
 * store (never the engine's tables), then applies the disclosure control.
 */
@Component
public class CaseBreakdown {

  /** The cells and the number of cases (each case once, whatever its forms of exploitation). */
  public record Result(StatisticsRequest request, int minimumCell, List<Cell> cells, Long total, boolean countsCasesPerPurpose) {}

  private final JdbcTemplate jdbc;
  private final StatisticsProperties properties;

  CaseBreakdown(JdbcTemplate jdbc, StatisticsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public Result count(StatisticsRequest request) {
    int k = properties.minimumCellOf(request.jurisdictions());
    List<Object> parameters = new ArrayList<>();
    String where = StoreFilter.where(request, parameters);
    long total = jdbc.queryForObject("select count(*) from nrm_stat_case c where " + where, Long.class, parameters.toArray());
    List<Cell> cells;
    if (request.by().isEmpty()) {
      cells = new ArrayList<>(total == 0 ? List.of() : List.of(new Cell(List.of(), total)));
    } else {
      String columns = request.by().stream().map(Dimension::expression).collect(Collectors.joining(", "));
      boolean purposes = request.by().contains(Dimension.PURPOSE);
      String sql = "select " + columns + ", count(*) from nrm_stat_case c"
          + (purposes ? " join nrm_stat_case_purpose p on p.process_instance_id = c.process_instance_id" : "")
          + " where " + where + " group by " + columns;
      cells = new ArrayList<>(jdbc.query(sql, (row, number) -> {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < request.by().size(); i++) {
          codes.add(request.by().get(i).codeOf(row.getObject(i + 1)));
        }
        return new Cell(codes, row.getLong(request.by().size() + 1));
      }, parameters.toArray()));
      cells = CrossProduct.complete(cells, request.by().size());
    }
    boolean totalSuppressed = Suppression.apply(cells, request.by(), total, k);
    return new Result(request, k, List.copyOf(cells), totalSuppressed ? null : total, request.by().contains(Dimension.PURPOSE));
  }
}
