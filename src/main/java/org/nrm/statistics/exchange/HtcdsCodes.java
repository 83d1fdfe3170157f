package org.nrm.statistics.exchange;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The product's codes in the words of IOM's Human Trafficking Case Data Standard 2.0 (HTCDS, CC BY
 * 4.0): its picklist value names where a code maps, and the product's own code under an
 * {@code nrm_} field where HTCDS has no field for it. docs/statistics-exchange.md has the table.
 */
final class HtcdsCodes {

  /** prs_Gender. Intersex is a sex characteristic, not a gender: HTCDS has no value for it. */
  private static final Map<String, String> GENDER = Map.of("female", "Feminine", "male", "Masculine", "intersex",
      "NonSpecifiedUnknown", "unknown", "NonSpecifiedUnknown");
  /** vic_TypeOfExploitation. HTCDS has no slavery nor forced criminality of its own: they are Other. */
  private static final Map<String, String> EXPLOITATION = Map.of("sexual-exploitation", "SexualExploitation", "forced-labour",
      "ForcedLabour", "servitude", "Servitude", "slavery", "Other", "organ-removal", "OrganRemoval", "forced-begging",
      "ForcedBegging", "forced-marriage", "ForcedMarriage", "forced-criminality", "Other", "illegal-adoption", "ForcedAdoption",
      "other-exploitation", "Other");
  /** vic_TraffickingStatus: the formal identification, or its absence so far. */
  private static final Map<String, String> TRAFFICKING_STATUS = Map.of("identified", "ActualVictimOfTrafficking", "not-identified",
      "NotAVictimOfTrafficking", "pending", "PossibleVictimOfTrafficking");

  private HtcdsCodes() {}

  static String gender(String sex) {
    return GENDER.getOrDefault(sex, "NonSpecifiedUnknown");
  }

  /** The forms of exploitation, each HTCDS value once, in alphabetical order, separated by {@code ;}. */
  static String typeOfExploitation(List<String> purposes) {
    TreeSet<String> values = new TreeSet<>();
    purposes.forEach(purpose -> values.add(EXPLOITATION.getOrDefault(purpose, "Other")));
    return String.join(";", values);
  }

  static String traffickingStatus(String identification) {
    return TRAFFICKING_STATUS.getOrDefault(identification, "PossibleVictimOfTrafficking");
  }

  /** vic_TraffickingStatusDecisionMakingOrg: the response team is a body of the state, not the police. */
  static String decisionMakingOrg(String identification) {
    return "pending".equals(identification) ? "" : "NonPoliceGovernmentalOrganization";
  }

  /** cas_Status: open (following up once in follow-up), closed, or closed by transfer to another mechanism. */
  static String caseStatus(boolean closed, String stage, String outcome) {
    if (closed) {
      return "transferred".equals(outcome) ? "ClosedReferred" : "Closed";
    }
    return "follow-up".equals(stage) ? "FollowUp" : "Active";
  }

  /** prs_Citizenship: the ISO 3166-1 code; stateless and unknown are the product's own words, kept. */
  static String citizenship(String nationality) {
    return nationality;
  }
}
