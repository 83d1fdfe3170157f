package org.nrm.institutions;

import java.util.Arrays;
import java.util.Optional;

/**
 * The institutions of the mechanism (data dictionary). Each one is a Camunda group whose id is
 * {@link #id()}; every user task has exactly one of them as candidate group.
 */
public enum Institution {
  RESPONSE_TEAM("response-team", "Equipo de respuesta inmediata / autoridad competente de identificación"),
  POLICE("police", "Policía (unidad especializada en trata)"),
  PROSECUTION("prosecution", "Ministerio Público / Fiscalía especializada"),
  MIGRATION("migration", "Dirección General de Migración"),
  CHILD_PROTECTION("child-protection", "Autoridad de protección de la niñez"),
  HEALTH("health", "Ministerio / servicios de salud"),
  SOCIAL_WELFARE("social-welfare", "Desarrollo social / instituto de la mujer"),
  LABOUR("labour", "Ministerio de Trabajo (inspección)"),
  FOREIGN_AFFAIRS("foreign-affairs", "Cancillería y servicios consulares"),
  SHELTER("shelter", "Albergues (estatales u ONG)"),
  LEGAL_AID("legal-aid", "Defensa pública / asesoría legal gratuita"),
  IOM("iom", "OIM"),
  COORDINATION("coordination", "Secretaría técnica de la comisión nacional"),
  ANALYSTS("analysts", "Analistas de procesos");

  private final String id;
  private final String spanishName;

  Institution(String id, String spanishName) {
    this.id = id;
    this.spanishName = spanishName;
  }

  /** The data-dictionary code, also the Camunda group id. */
  public String id() {
    return id;
  }

  public String spanishName() {
    return spanishName;
  }

  public static Optional<Institution> byId(String id) {
    return Arrays.stream(values()).filter(institution -> institution.id.equals(id)).findFirst();
  }
}
