package org.nrm.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.nrm.engine.VariableJson;
import org.nrm.intake.Subdivisions;

/**
 * A case's statistics record, read from its variables: codes and dates only. Each value is a code
 * of its field or {@code unknown}; the age is kept as its group, the place as its first-level
 * subdivision; the free-text region, the coordinates and the identity are never read.
 */
record CaseStatistics(String jurisdiction, LocalDate detectedOn, String detectionChannel, String detectionRegion, String sex,
    String ageGroup, String victimGroup, String nationality, boolean indigenous, String migrationStatus, String classification,
    Boolean treatedAsChild, String riskLevel, String iccsCode, String identification, boolean complaintFiled,
    boolean protectionMeasures, String regularisation, String durableSolution, String caseOutcome, List<String> purposes) {

  static final String PENDING = "pending";

  static CaseStatistics of(Map<String, Object> variables, ZoneId zone) {
    String unknown = AgeGroups.UNKNOWN;
    Integer age = variables.get("ageYears") instanceof Number number ? number.intValue() : null;
    Boolean child = variables.get("treatAsChild") instanceof Boolean decided ? decided : null;
    String sex = orUnknown(StatisticsCodes.code("sex", variables.get("sex"), unknown));
    JsonNode place = VariableJson.of(variables.get("detectionPlace"));
    String country = place.path("country").asText("");
    String subdivision = place.path("subdivision").asText("");
    List<String> purposes = new ArrayList<>();
    VariableJson.of(variables.get("purposes")).forEach(purpose -> {
      String code = StatisticsCodes.code("purposes", purpose.asText(), null);
      if (code != null && !purposes.contains(code)) {
        purposes.add(code);
      }
    });
    return new CaseStatistics(
        String.valueOf(variables.get("jurisdiction")),
        variables.get("detectedAt") instanceof Date detected ? detected.toInstant().atZone(zone).toLocalDate() : null,
        orUnknown(StatisticsCodes.code("detectionChannel", variables.get("detectionChannel"), unknown)),
        Subdivisions.isFirstLevelOf(country, subdivision) ? subdivision : unknown,
        sex, AgeGroups.of(age), AgeGroups.victimGroup(sex, age, child),
        StatisticsCodes.country(variables.get("nationality")),
        Boolean.TRUE.equals(variables.get("indigenous")),
        orUnknown(StatisticsCodes.code("migrationStatus", variables.get("migrationStatus"), unknown)),
        StatisticsCodes.code("classification", variables.get("classification"), unknown),
        child,
        StatisticsCodes.code("riskLevel", variables.get("riskLevel"), unknown),
        StatisticsCodes.iccs(variables.get("iccsCode")),
        orElse(StatisticsCodes.code("identificationDecision", variables.get("identificationDecision"), PENDING), PENDING),
        Boolean.TRUE.equals(variables.get("complaintRegistered")),
        !VariableJson.of(variables.get("protectionMeasures")).isEmpty(),
        StatisticsCodes.code("regularisationStatus", variables.get("regularisationStatus"), "other"),
        StatisticsCodes.code("durableSolution", variables.get("durableSolution"), "other"),
        StatisticsCodes.code("caseOutcome", variables.get("caseOutcome"), "other"),
        List.copyOf(purposes));
  }

  private static String orUnknown(String code) {
    return orElse(code, AgeGroups.UNKNOWN);
  }

  private static String orElse(String code, String otherwise) {
    return code == null ? otherwise : code;
  }
}
