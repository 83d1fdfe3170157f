package org.nrm.statistics.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;

/**
 * What a statistics request asks for: the jurisdictions, the period of detection (both days
 * included, either open) and the dimensions of the breakdown, checked with Spanish errors.
 */
public record StatisticsRequest(List<String> jurisdictions, LocalDate from, LocalDate to, List<Dimension> by) {

  /** More dimensions make cells so small that almost all would be suppressed. */
  public static final int MOST_DIMENSIONS = 4;

  public static StatisticsRequest parse(List<String> jurisdictions, String from, String to, String by) {
    List<String> codes = new ArrayList<>();
    for (String jurisdiction : jurisdictions == null ? List.<String>of() : jurisdictions) {
      for (String code : jurisdiction.split(",")) {
        if (!code.isBlank() && !code.strip().matches("^[A-Z]{2}$")) {
          throw invalid("jurisdiction", "«" + code.strip() + "» no es un código de jurisdicción (dos letras mayúsculas, ISO 3166-1, como CR).");
        }
        if (!code.isBlank() && !codes.contains(code.strip())) {
          codes.add(code.strip());
        }
      }
    }
    LocalDate start = day("from", from);
    LocalDate end = day("to", to);
    if (start != null && end != null && start.isAfter(end)) {
      throw invalid("from", "El inicio del periodo (" + start + ") es posterior a su fin (" + end + ").");
    }
    return new StatisticsRequest(List.copyOf(codes), start, end, dimensions(by));
  }

  public StatisticsRequest withJurisdictions(List<String> allowed) {
    return new StatisticsRequest(List.copyOf(allowed), from, to, by);
  }

  /** The parameters as they are recorded and shown: codes and days only. */
  public String describe() {
    return "jurisdiction=" + String.join(",", jurisdictions) + "&from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to)
        + "&by=" + by.stream().map(Dimension::code).collect(Collectors.joining(","));
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field, "«" + value + "» no es una fecha válida: use AAAA-MM-DD, por ejemplo 2026-01-31.");
    }
  }

  private static List<Dimension> dimensions(String by) {
    List<Dimension> dimensions = new ArrayList<>();
    if (by == null || by.isBlank()) {
      return List.of();
    }
    for (String code : by.split(",")) {
      Dimension dimension = Dimension.byCode(code.strip()).orElseThrow(() -> invalid("by", "«" + code.strip()
          + "» no es una dimensión de las estadísticas. Dimensiones: "
          + Arrays.stream(Dimension.values()).map(Dimension::code).collect(Collectors.joining(", ")) + "."));
      if (dimensions.contains(dimension)) {
        throw invalid("by", "La dimensión «" + code.strip() + "» está repetida.");
      }
      dimensions.add(dimension);
    }
    if (dimensions.size() > MOST_DIMENSIONS) {
      throw invalid("by", "Se pueden cruzar a lo sumo " + MOST_DIMENSIONS + " dimensiones a la vez; con más, casi todas las celdas"
          + " quedarían por debajo del mínimo publicable.");
    }
    return List.copyOf(dimensions);
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.badRequest(ApiError.withField("La consulta de estadísticas no es válida.", field, message));
  }
}
