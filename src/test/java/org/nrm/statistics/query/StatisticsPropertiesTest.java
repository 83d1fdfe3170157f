package org.nrm.statistics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The minimum cell of an answer: the configured k, a jurisdiction's larger one, the largest over several. */
class StatisticsPropertiesTest {

  private final StatisticsProperties properties = new StatisticsProperties(5, Map.of("GT", 11, "CR", 3));

  @Test
  void aJurisdictionMayAskForALargerKButNeverASmallerOne() {
    assertThat(properties.minimumCellOf(List.of("GT"))).isEqualTo(11);
    assertThat(properties.minimumCellOf(List.of("CR"))).as("never below the mechanism's").isEqualTo(5);
    assertThat(properties.minimumCellOf(List.of("SV"))).isEqualTo(5);
  }

  @Test
  void anAnswerOverSeveralJurisdictionsTakesTheLargest() {
    assertThat(properties.minimumCellOf(List.of("CR", "GT"))).isEqualTo(11);
  }
}
