package org.nrm.statistics.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The dimensions a count can be broken down by: each names its code in an answer and reads it from
 * the case's statistics record ({@code c}) or, for the form of exploitation, from the case's
 * purposes ({@code p}), where a case with several purposes counts once under each.
 */
public enum Dimension {
  SEX("sex", "Sexo", "c.sex"),
  AGE_GROUP("ageGroup", "Grupo de edad", "c.age_group"),
  VICTIM_GROUP("victimGroup", "Mujer, hombre, niña o niño", "c.victim_group"),
  NATIONALITY("nationality", "Nacionalidad", "c.nationality"),
  INDIGENOUS("indigenous", "Pertenencia a un pueblo indígena", "case when c.indigenous then 'yes' else 'no' end"),
  PURPOSE("purpose", "Forma de explotación", "p.purpose"),
  ICCS_CODE("iccsCode", "Delito (código ICCS)", "coalesce(c.iccs_code, 'unknown')"),
  MIGRATION_STATUS("migrationStatus", "Situación migratoria", "c.migration_status"),
  DETECTION_REGION("detectionRegion", "Región de detección", "c.detection_region"),
  DETECTION_CHANNEL("detectionChannel", "Vía de detección", "c.detection_channel"),
  CLASSIFICATION("classification", "Clasificación de las reglas", "coalesce(c.classification, 'pending')"),
  IDENTIFICATION("identification", "Identificación formal", "c.identification"),
  YEAR("year", "Año de detección", "cast(extract(year from c.detected_on) as integer)"),
  QUARTER("quarter", "Trimestre de detección", "cast(extract(year from c.detected_on) as integer) * 10 + cast(extract(quarter from c.detected_on) as integer)"),
  MONTH("month", "Mes de detección", "cast(extract(year from c.detected_on) as integer) * 100 + cast(extract(month from c.detected_on) as integer)");

  private final String code;
  private final String spanishName;
  private final String expression;

  Dimension(String code, String spanishName, String expression) {
    this.code = code;
    this.spanishName = spanishName;
    this.expression = expression;
  }

  /** Its name in a table's header ({@code Grupo de edad}). */
  public String spanishName() {
    return spanishName;
  }

  /** Its name in the API ({@code ageGroup}). */
  public String code() {
    return code;
  }

  String expression() {
    return expression;
  }

  /** The code of a value read by {@link #expression()}: the periods' numbers as {@code 2026}, {@code 2026-Q3}, {@code 2026-07}. */
  String codeOf(Object value) {
    if (value == null) {
      return "unknown";
    }
    if (this == QUARTER || this == MONTH) {
      int number = ((Number) value).intValue();
      return this == QUARTER ? number / 10 + "-Q" + number % 10 : String.format("%d-%02d", number / 100, number % 100);
    }
    return value instanceof Number number ? String.valueOf(number.intValue()) : value.toString();
  }

  public static Optional<Dimension> byCode(String code) {
    return Arrays.stream(values()).filter(dimension -> dimension.code.equals(code)).findFirst();
  }
}
