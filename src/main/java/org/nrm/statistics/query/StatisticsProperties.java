package org.nrm.statistics.query;

import jakarta.validation.constraints.Min;
import java.util.Collection;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Disclosure control of the statistics ({@code nrm.statistics.*}).
 *
 * @param minimumCell the smallest count ever shown (k): a smaller one is suppressed
 * @param minimumCellByJurisdiction a larger k for a jurisdiction whose law or size needs it
 */
@Validated
@ConfigurationProperties("nrm.statistics")
public record StatisticsProperties(@DefaultValue("5") @Min(2) int minimumCell,
    @DefaultValue Map<String, Integer> minimumCellByJurisdiction) {

  /** The k of an answer over these jurisdictions: the largest of theirs, so that none is shown below its own. */
  public int minimumCellOf(Collection<String> jurisdictions) {
    return jurisdictions.stream().mapToInt(code -> Math.max(minimumCell, minimumCellByJurisdiction.getOrDefault(code, minimumCell)))
        .max().orElse(minimumCell);
  }
}
