package org.nrm.statistics;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nrm.casesummary.FactLabels;
import org.nrm.institutions.MechanismProperties;
import org.nrm.intake.Subdivisions;
import org.nrm.statistics.query.Dimension;
import org.springframework.stereotype.Component;

/**
 * The Spanish label of every code the statistics show: the intake's codes as its start form words
 * them, the decisions as the case summary names them, countries by the JDK's Spanish names, the
 * regions by the ISO 3166-2 list the product ships, and the groups and periods written here.
 */
@Component
public class StatisticsLabels {

  private static final String UNKNOWN = "unknown";
  private static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
      "octubre", "noviembre", "diciembre"};
  private static final Map<String, String> AGE_GROUPS = Map.of("0-11", "0 a 11 años", "12-17", "12 a 17 años", "18-24",
      "18 a 24 años", "25-59", "25 a 59 años", "60+", "60 años o más", UNKNOWN, "Edad desconocida");
  private static final Map<String, String> VICTIM_GROUPS = Map.of("woman", "Mujer", "man", "Hombre", "girl", "Niña", "boy", "Niño",
      UNKNOWN, "Sin dato de sexo o edad");
  private static final Map<String, String> INDIGENOUS = Map.of("yes", "Persona indígena", "no", "No indígena o sin dato");
  private static final Map<String, String> ICCS = Map.of(
      "0204", "0204 Trata de personas (fin desconocido o varios)",
      "02041", "02041 Trata con fines de explotación sexual",
      "02042", "02042 Trata con fines de trabajo o servicios forzosos",
      "02043", "02043 Trata con fines de extracción de órganos",
      "02044", "02044 Trata con otros fines",
      UNKNOWN, "Sin código ICCS");
  private static final Map<String, String> IDENTIFICATION = Map.of("identified", "Identificada como víctima de trata",
      "not-identified", "No identificada como víctima de trata", "pending", "Decisión pendiente");

  private final FactLabels facts = FactLabels.fromIntakeForm();
  private final MechanismProperties mechanism;

  StatisticsLabels(MechanismProperties mechanism) {
    this.mechanism = mechanism;
  }

  /** The label of a dimension's code; the code itself for one this product does not know. */
  public String of(Dimension dimension, String code) {
    String label = switch (dimension) {
      case SEX -> facts.code("sex", code);
      case AGE_GROUP -> AGE_GROUPS.get(code);
      case VICTIM_GROUP -> VICTIM_GROUPS.get(code);
      case NATIONALITY -> facts.country(code);
      case INDIGENOUS -> INDIGENOUS.get(code);
      case PURPOSE -> facts.code("purposes", code);
      case ICCS_CODE -> ICCS.get(code);
      case MIGRATION_STATUS -> facts.code("migrationStatus", code);
      case DETECTION_REGION -> UNKNOWN.equals(code) ? "Región no registrada" : Subdivisions.name(code).orElse(null);
      case DETECTION_CHANNEL -> facts.code("detectionChannel", code);
      case CLASSIFICATION -> "pending".equals(code) ? "Sin clasificar aún" : facts.decision("classification", code);
      case IDENTIFICATION -> IDENTIFICATION.get(code);
      case YEAR -> code;
      case QUARTER -> code.length() == 7 ? code.substring(6) + ".º trimestre de " + code.substring(0, 4) : null;
      case MONTH -> code.length() == 7 ? MONTHS[Integer.parseInt(code.substring(5)) - 1] + " de " + code.substring(0, 4) : null;
    };
    if (label == null || label.equals(code) && UNKNOWN.equals(code)) {
      return UNKNOWN.equals(code) ? "Sin dato" : code;
    }
    return label;
  }

  /** Every code of every dimension but the periods, with its label: what {@code GET /api/statistics/labels} answers. */
  public Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> all = new TreeMap<>();
    put(all, Dimension.SEX, StatisticsCodes.of("sex"));
    put(all, Dimension.AGE_GROUP, AGE_GROUPS.keySet());
    put(all, Dimension.VICTIM_GROUP, VICTIM_GROUPS.keySet());
    Set<String> countries = new TreeSet<>(Set.of(Locale.getISOCountries()));
    countries.add("stateless");
    countries.add(UNKNOWN);
    put(all, Dimension.NATIONALITY, countries);
    put(all, Dimension.INDIGENOUS, INDIGENOUS.keySet());
    put(all, Dimension.PURPOSE, StatisticsCodes.of("purposes"));
    put(all, Dimension.ICCS_CODE, ICCS.keySet());
    put(all, Dimension.MIGRATION_STATUS, StatisticsCodes.of("migrationStatus"));
    Set<String> regions = new TreeSet<>();
    mechanism.jurisdictions().forEach(jurisdiction -> regions.addAll(Subdivisions.of(jurisdiction.code()).keySet()));
    regions.add(UNKNOWN);
    put(all, Dimension.DETECTION_REGION, regions);
    put(all, Dimension.DETECTION_CHANNEL, StatisticsCodes.of("detectionChannel"));
    Set<String> classifications = new TreeSet<>(StatisticsCodes.of("classification"));
    classifications.add("pending");
    put(all, Dimension.CLASSIFICATION, classifications);
    put(all, Dimension.IDENTIFICATION, IDENTIFICATION.keySet());
    return all;
  }

  private void put(Map<String, Map<String, String>> all, Dimension dimension, Collection<String> codes) {
    Map<String, String> labels = new TreeMap<>();
    codes.forEach(code -> labels.put(code, of(dimension, code)));
    all.put(dimension.code(), labels);
  }
}
