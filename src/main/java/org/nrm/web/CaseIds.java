package org.nrm.web;

import java.util.regex.Pattern;

/** Case numbers in request paths: refused before any lookup when they cannot be one. */
public final class CaseIds {

  /** Letters, digits and inner dots or hyphens, as case numbers are ({@code CR-2026-000123}); a bound well above them. */
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9]+([.-][A-Za-z0-9]+)*");
  private static final int MAX_LENGTH = 64;

  private CaseIds() {}

  /** The case number as given; a 400 in Spanish (which does not repeat it) when it cannot be one. */
  public static String requireWellFormed(String caseId) {
    if (caseId == null || caseId.length() > MAX_LENGTH || !WELL_FORMED.matcher(caseId).matches()) {
      throw ApiException.badRequest(ApiError.withField("El número de caso no es válido.", "caseId",
          "debe ser un número de caso como «CR-2026-000123» (letras, dígitos y guiones, hasta " + MAX_LENGTH + " caracteres)"));
    }
    return caseId;
  }
}
