package org.nrm.statistics.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;

/**
 * A breakdown with every combination of the codes that occur, zeros included. Listing only the
 * combinations that occur would tell which are zero, and a zero next to a suppressed count is
 * what lets one work it out from the coarser tables; with every combination listed, a zero can be
 * suppressed as well, and a suppressed cell may be a zero.
 */
final class CrossProduct {

  /** More cells than a person can read, and than suppression can check quickly. */
  static final int MOST_CELLS = 20_000;

  private CrossProduct() {}

  static List<Cell> complete(List<Cell> cells, int dimensions) {
    List<Set<String>> codes = new ArrayList<>();
    for (int dimension = 0; dimension < dimensions; dimension++) {
      Set<String> seen = new TreeSet<>();
      for (Cell cell : cells) {
        seen.add(cell.codes().get(dimension));
      }
      codes.add(seen);
    }
    long size = codes.stream().mapToLong(Set::size).reduce(1, (left, right) -> left * right);
    if (dimensions == 0 || cells.isEmpty()) {
      return new ArrayList<>(cells);
    }
    if (size > MOST_CELLS) {
      throw ApiException.badRequest(ApiError.withField("La consulta de estadísticas no es válida.", "by", "Este cruce tiene " + size
          + " combinaciones (el máximo es " + MOST_CELLS + "): quite una dimensión o acorte el periodo."));
    }
    Map<List<String>, Cell> existing = new HashMap<>();
    cells.forEach(cell -> existing.put(cell.codes(), cell));
    List<List<String>> combinations = new ArrayList<>();
    combinations.add(List.of());
    for (Set<String> values : codes) {
      List<List<String>> longer = new ArrayList<>();
      for (List<String> prefix : combinations) {
        for (String value : values) {
          List<String> combination = new ArrayList<>(prefix);
          combination.add(value);
          longer.add(combination);
        }
      }
      combinations = longer;
    }
    List<Cell> complete = new ArrayList<>();
    for (List<String> combination : combinations) {
      complete.add(existing.getOrDefault(combination, new Cell(combination, 0)));
    }
    return complete;
  }
}
