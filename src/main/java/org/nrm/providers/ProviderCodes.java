package org.nrm.providers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The code lists of the directory, each code with its Spanish label: the services a provider gives
 * (the catalogue of OAS plan §110), the age groups and sexes it serves, public or NGO.
 */
public final class ProviderCodes {

  /** What a provider gives; a referral asks for one of these. */
  public static final Map<String, String> SERVICES = ordered(
      "medical", "Atención médica",
      "psychological", "Atención psicológica",
      "legal", "Asesoría y representación legal",
      "shelter", "Albergue",
      "education", "Educación",
      "vocational-training", "Formación para el trabajo",
      "documentation", "Documentación e identidad",
      "labour-inclusion", "Inserción laboral",
      "family-tracing", "Localización de la familia",
      "interpretation", "Interpretación");

  public static final Map<String, String> AGE_GROUPS = ordered(
      "children", "Niñas y niños (menores de 12 años)",
      "adolescents", "Adolescentes (12 a 17 años)",
      "adults", "Personas adultas");

  public static final Map<String, String> SEXES = ordered("female", "Mujeres", "male", "Hombres");

  public static final Map<String, String> SECTORS = ordered("public", "Institución pública", "ngo", "Organización no gubernamental");

  private ProviderCodes() {}

  private static Map<String, String> ordered(String... codesAndLabels) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (int i = 0; i < codesAndLabels.length; i += 2) {
      codes.put(codesAndLabels[i], codesAndLabels[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(codes);
  }
}
