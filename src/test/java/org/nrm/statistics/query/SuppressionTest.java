package org.nrm.statistics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No count below k is shown, and none can be worked out from the total or from a line's sum shown by a coarser breakdown. */
class SuppressionTest {

  private static final int K = 5;
  private static final List<Dimension> ONE = List.of(Dimension.SEX);
  private static final List<Dimension> TWO = List.of(Dimension.SEX, Dimension.AGE_GROUP);

  @Test
  void aSmallCountIsHiddenAndSoIsTheSmallestOtherOneOfItsLineOrTheTotalWouldGiveItAway() {
    List<Cell> cells = cells(List.of(List.of("female"), List.of("male"), List.of("unknown")), 20, 3, 12);

    assertThat(Suppression.apply(cells, ONE, 35, K)).isFalse();

    assertThat(shown(cells)).containsExactly(20L, null, null);
  }

  @Test
  void nothingIsHiddenWhenEveryCountReachesK() {
    List<Cell> cells = cells(List.of(List.of("female"), List.of("male")), 20, 5);

    Suppression.apply(cells, ONE, 25, K);

    assertThat(shown(cells)).containsExactly(20L, 5L);
  }

  @Test
  void aTotalBelowKHidesEverything() {
    List<Cell> cells = cells(List.of(List.of("female"), List.of("male")), 3, 1);

    assertThat(Suppression.apply(cells, ONE, 4, K)).isTrue();

    assertThat(shown(cells)).containsOnlyNulls();
  }

  @Test
  void aPeriodWithoutCasesShowsItsZeros() {
    assertThat(Suppression.apply(new ArrayList<>(), ONE, 0, K)).as("no one to give away").isFalse();
    List<Cell> none = cells(List.of(List.of("identified"), List.of("pending")), 0, 0);
    Suppression.applyAdditive(none, 1, K);
    assertThat(shown(none)).containsExactly(0L, 0L);
  }

  @Test
  void inATwoWayTableEveryRowAndColumnWithAShownSumHidesNoneOrAtLeastTwoCells() {
    // sex × age group: (female, 0-11) = 2 is below k; its row and its column must each hide another cell
    List<List<String>> codes = List.of(List.of("female", "0-11"), List.of("female", "25-59"), List.of("female", "18-24"),
        List.of("male", "0-11"), List.of("male", "25-59"), List.of("male", "18-24"));
    List<Cell> cells = cells(codes, 2, 30, 9, 7, 40, 11);

    Suppression.apply(cells, TWO, 99, K);

    assertThat(cells.get(0).suppressed()).isTrue();
    assertThat(unrecoverable(cells, 2)).isTrue();
    assertThat(cells.stream().filter(Cell::suppressed).count()).as("a 2×2 block").isEqualTo(4);
  }

  @Test
  void aCellAloneInItsLineIsNoPartnerSoTheProtectionGoesElsewhere() {
    // (GT, female) is the only GT cell of its row; hiding it with (CR, female) would expose it through GT's own sum
    List<List<String>> codes = List.of(List.of("CR", "female"), List.of("CR", "male"), List.of("NI", "female"),
        List.of("GT", "male"), List.of("NI", "male"));
    List<Cell> cells = cells(codes, 3, 20, 8, 25, 6);

    Suppression.apply(cells, TWO, 62, K);

    assertThat(cells.get(0).suppressed()).isTrue();
    assertThat(unrecoverable(cells, 2)).isTrue();
  }

  @Test
  void randomTablesNeverLeaveASmallCountRecoverable() {
    Random random = new Random(7);
    for (int table = 0; table < 500; table++) {
      int rows = 1 + random.nextInt(5);
      int columns = 1 + random.nextInt(5);
      List<List<String>> codes = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (int row = 0; row < rows; row++) {
        for (int column = 0; column < columns; column++) {
          if (random.nextInt(4) > 0) {
            codes.add(List.of("r" + row, "c" + column));
            counts.add((long) (1 + random.nextInt(random.nextBoolean() ? 6 : 40)));
          }
        }
      }
      List<Cell> occurring = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        occurring.add(new Cell(codes.get(i), counts.get(i)));
      }
      List<Cell> cells = CrossProduct.complete(occurring, 2);
      long total = counts.stream().mapToLong(Long::longValue).sum();

      Suppression.apply(cells, TWO, total, K);

      assertThat(cells.stream().filter(cell -> cell.count() > 0 && cell.count() < K).allMatch(Cell::suppressed)).as("table %d", table).isTrue();
      assertThat(unrecoverable(cells, 2)).as("table %d: %s %s %s", table, codes, counts, cells.stream().map(Cell::suppressed).toList()).isTrue();
    }
  }

  /**
   * What a caller can do: ask for the total and for each dimension alone (answered as the API
   * would), then solve, one at a time, every sum that holds one unknown. True when no count below
   * k comes out, of this table or of the coarser ones.
   */
  static boolean unrecoverable(List<Cell> cells, int dimensions) {
    List<Cell> all = new ArrayList<>(cells);
    List<List<Cell>> sums = new ArrayList<>();
    long total = cells.stream().mapToLong(Cell::count).sum();
    Cell totalCell = new Cell(List.of(), total);
    if (total < K) {
      totalCell.suppress();
    }
    all.add(totalCell);
    for (int kept = 0; kept < dimensions; kept++) {
      int position = kept;
      Map<String, Long> coarse = new TreeMap<>();
      cells.forEach(cell -> coarse.merge(cell.codes().get(position), cell.count(), Long::sum));
      List<Cell> answer = new ArrayList<>();
      coarse.forEach((code, count) -> answer.add(new Cell(List.of(code), count)));
      Suppression.apply(answer, List.of(TWO.get(kept)), total, K);
      all.addAll(answer);
      List<Cell> ofTotal = new ArrayList<>(answer);
      ofTotal.add(totalCell);
      sums.add(ofTotal);
      for (Cell coarseCell : answer) {
        List<Cell> line = new ArrayList<>(cells.stream().filter(cell -> cell.codes().get(position).equals(coarseCell.codes().get(0))).toList());
        line.add(coarseCell);
        sums.add(line);
      }
    }
    Set<Cell> known = new HashSet<>();
    all.stream().filter(cell -> !cell.suppressed()).forEach(known::add);
    boolean solved = true;
    while (solved) {
      solved = false;
      for (List<Cell> sum : sums) {
        List<Cell> unknown = sum.stream().filter(cell -> !known.contains(cell)).toList();
        if (unknown.size() == 1) {
          known.add(unknown.get(0));
          solved = true;
        }
      }
    }
    return known.stream().noneMatch(cell -> cell.count() > 0 && cell.count() < K);
  }

  private static List<Cell> cells(List<List<String>> codes, long... counts) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      cells.add(new Cell(codes.get(i), counts[i]));
    }
    return cells;
  }

  private static List<Long> shown(List<Cell> cells) {
    return cells.stream().map(Cell::shownCount).toList();
  }
}
