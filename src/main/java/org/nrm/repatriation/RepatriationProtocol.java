package org.nrm.repatriation;

/**
 * Names shared by the two sides of a repatriation: the destination's {@code RepatriationProcess}
 * and the origin's {@code ReceptionAndReintegrationProcess}, their messages and the variables the
 * messages carry. The message names are the contract between deployments: do not rename them.
 */
public final class RepatriationProtocol {

  public static final String DESTINATION_PROCESS = "RepatriationProcess";
  public static final String ORIGIN_PROCESS = "ReceptionAndReintegrationProcess";

  /** Destination to origin: starts the origin's reception with the minimum data set. */
  public static final String CASE_HANDED_OVER = "CaseHandedOver";
  /** Origin to destination: reception prepared (for a child, with the family assessment). */
  public static final String RECEPTION_READY = "ReceptionReady";
  /** Destination to origin: the travel is confirmed. */
  public static final String RETURN_TRAVEL_CONFIRMED = "ReturnTravelConfirmed";
  /** Origin to destination: the reintegration's outcome, so that the destination closes its case. */
  public static final String REINTEGRATION_OUTCOME = "ReintegrationOutcome";

  public static final String JURISDICTION = "jurisdiction";
  public static final String RETURN_COUNTRY = "returnCountry";
  public static final String TREAT_AS_CHILD = "treatAsChild";
  /** On the origin side: the destination's jurisdiction and case number (the correlation key). */
  public static final String REFERRED_FROM_JURISDICTION = "referredFromJurisdiction";
  public static final String REFERRED_FROM_CASE = "referredFromCase";
  /** The destination's repatriation of the case: one hand-over, however often it is delivered. */
  public static final String HANDOVER_ID = "handoverId";
  /** On the destination side: where the case went. */
  public static final String ORIGIN_JURISDICTION = "originJurisdiction";
  public static final String ORIGIN_CASE_ID = "originCaseId";
  public static final String FAMILY_ASSESSMENT = "familyAssessment";
  public static final String FAMILY_ASSESSED = "familyAssessed";
  public static final String REINTEGRATION_OUTCOME_VARIABLE = "reintegrationOutcome";

  /** Family assessment codes of the origin's child-protection; adults get {@code not-applicable}. */
  public static final String FAMILY_REUNIFICATION = "family-reunification";
  public static final String ALTERNATIVE_CARE = "alternative-care";
  public static final String NOT_APPLICABLE = "not-applicable";

  private RepatriationProtocol() {}
}
