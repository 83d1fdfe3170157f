package org.nrm.statistics.query;

import java.sql.Date;
import java.util.List;
import java.util.stream.Collectors;

/** The filter of a request over the store's case records ({@code c}): its jurisdictions and its period of detection. */
public final class StoreFilter {

  private StoreFilter() {}

  public static String where(StatisticsRequest request, List<Object> parameters) {
    StringBuilder where = new StringBuilder("c.jurisdiction in (")
        .append(request.jurisdictions().stream().map(code -> "?").collect(Collectors.joining(", "))).append(")");
    parameters.addAll(request.jurisdictions());
    if (request.from() != null) {
      where.append(" and c.detected_on >= ?");
      parameters.add(Date.valueOf(request.from()));
    }
    if (request.to() != null) {
      where.append(" and c.detected_on <= ?");
      parameters.add(Date.valueOf(request.to()));
    }
    return where.toString();
  }
}
