package org.nrm.statistics.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control of a breakdown: no count from 1 to k - 1 is shown (primary suppression), and
 * no suppressed count can be worked out by subtraction (secondary suppression). The table lists
 * every combination, zeros included ({@link CrossProduct}), so a zero is a partner that costs nothing.
 *
 * <p>A caller may ask the same period again with fewer dimensions: the coarser tables' shown
 * counts are sums of lines of this table (the cells that differ in one dimension only), and the
 * total is the sum of everything. Each such sum is an equation; solving, one after the other,
 * every equation left with a single unknown is how counts are recovered. So each coarser table is
 * answered first, exactly as its own request would be, and then, until nothing changes: an
 * equation with one unknown gets the smallest shown cell of this table in it suppressed too; an
 * unknown that no cell of this table can protect counts as recovered, and may expose others in
 * turn. If a count below k would still be recovered, the whole table is suppressed.
 *
 * <p>The form of exploitation does not add up (a case with several forms counts under each): a
 * sum over it is treated as known whenever it reaches k, which suppresses more than needed, never
 * less.
 */
final class Suppression {

  private final List<Boolean> additive;
  private final long total;
  private final int k;
  /** Every table that a request with fewer dimensions answers, by the mask of the dimensions it keeps. */
  private final Map<Integer, Map<List<String>, Cell>> tables = new LinkedHashMap<>();

  private Suppression(List<Boolean> additive, long total, int k) {
    this.additive = additive;
    this.total = total;
    this.k = k;
  }

  /** Suppresses in place; returns whether the total itself is below k (a total of none gives nobody away). */
  static boolean apply(List<Cell> cells, List<Dimension> by, long total, int k) {
    List<Boolean> additive = by.stream().map(dimension -> dimension != Dimension.PURPOSE).toList();
    Suppression suppression = new Suppression(additive, total, k);
    int full = (1 << by.size()) - 1;
    Map<List<String>, Cell> fine = new LinkedHashMap<>();
    cells.forEach(cell -> fine.put(cell.codes(), cell));
    suppression.tables.put(full, fine);
    suppression.coarser(full);
    List<Integer> masks = new ArrayList<>(suppression.tables.keySet());
    masks.sort(Comparator.comparingInt(Integer::bitCount));
    masks.forEach(suppression::protect);
    return total > 0 && total < k;
  }

  /**
   * A table whose counts all add up (a group of indicators; institution by state), its total the
   * sum of them all, as if a breakdown by that many dimensions.
   */
  static void applyAdditive(List<Cell> cells, int dimensions, int k) {
    long total = cells.stream().mapToLong(Cell::count).sum();
    apply(cells, Collections.nCopies(dimensions, Dimension.SEX), total, k);
  }

  /** Adds the tables of every request that drops, one by one, dimensions that add up. */
  private void coarser(int mask) {
    for (int dimension = 0; dimension < additive.size(); dimension++) {
      int coarser = mask & ~(1 << dimension);
      if (coarser != mask && additive.get(dimension) && !tables.containsKey(coarser)) {
        Map<List<String>, Cell> table = new LinkedHashMap<>();
        for (Cell cell : tables.get(mask).values()) {
          List<String> key = keep(cell.codes(), mask, coarser);
          Cell sum = table.get(key);
          table.put(key, new Cell(key, (sum == null ? 0 : sum.count()) + cell.count()));
        }
        if (coarser == 0 && table.isEmpty()) {
          table.put(List.of(), new Cell(List.of(), 0));
        }
        tables.put(coarser, table);
        coarser(coarser);
      }
    }
  }

  /** Answers the table of a mask, its coarser tables being answered already. */
  private void protect(int mask) {
    Map<List<String>, Cell> table = tables.get(mask);
    table.values().stream().filter(cell -> cell.count() > 0 && cell.count() < k || total > 0 && total < k).forEach(Cell::suppress);
    if (total < k) {
      return;
    }
    List<List<Cell>> equations = equationsWithin(mask);
    Set<Cell> recovered = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<Cell> equation : equations) {
        List<Cell> unknown = equation.stream().filter(cell -> cell.suppressed() && !recovered.contains(cell)).toList();
        if (unknown.size() != 1) {
          continue;
        }
        Cell partner = equation.stream().filter(cell -> !cell.suppressed() && table.get(cell.codes()) == cell)
            .min(Comparator.comparingLong(Cell::count).thenComparing(cell -> String.join("|", cell.codes()))).orElse(null);
        if (partner != null) {
          partner.suppress();
        } else {
          recovered.add(unknown.get(0));
        }
        changed = true;
      }
    }
    if (recovered.stream().anyMatch(cell -> cell.count() > 0 && cell.count() < k)) {
      table.values().forEach(Cell::suppress);
    }
  }

  /**
   * The sums a caller knows among the tables within a mask: each cell of a coarser table is the sum
   * of its line; a line along the form of exploitation, or the whole table when the total is not
   * one of the tables, is taken as known when it reaches k.
   */
  private List<List<Cell>> equationsWithin(int mask) {
    List<List<Cell>> equations = new ArrayList<>();
    for (Map.Entry<Integer, Map<List<String>, Cell>> finer : tables.entrySet()) {
      int finerMask = finer.getKey();
      if ((finerMask & ~mask) != 0) {
        continue;
      }
      for (int dimension = 0; dimension < additive.size(); dimension++) {
        if ((finerMask & (1 << dimension)) == 0) {
          continue;
        }
        int coarser = finerMask & ~(1 << dimension);
        Map<List<String>, List<Cell>> lines = new LinkedHashMap<>();
        for (Cell cell : finer.getValue().values()) {
          lines.computeIfAbsent(keep(cell.codes(), finerMask, coarser), key -> new ArrayList<>()).add(cell);
        }
        for (Map.Entry<List<String>, List<Cell>> line : lines.entrySet()) {
          List<Cell> equation = new ArrayList<>(line.getValue());
          if (additive.get(dimension)) {
            equation.add(tables.get(coarser).get(line.getKey()));
            equations.add(equation);
          } else if (equation.stream().mapToLong(Cell::count).sum() >= k) {
            equations.add(equation);
          }
        }
      }
    }
    if (!tables.containsKey(0) && tables.get(mask).values().stream().mapToLong(Cell::count).sum() >= k) {
      equations.add(new ArrayList<>(tables.get(mask).values()));
    }
    return equations;
  }

  /** The codes of the dimensions a coarser mask keeps, in order. */
  private static List<String> keep(List<String> codes, int mask, int coarser) {
    List<String> kept = new ArrayList<>();
    int position = 0;
    for (int dimension = 0; dimension < Integer.SIZE && (mask >> dimension) != 0; dimension++) {
      if ((mask & (1 << dimension)) != 0) {
        if ((coarser & (1 << dimension)) != 0) {
          kept.add(codes.get(position));
        }
        position++;
      }
    }
    return kept;
  }
}
