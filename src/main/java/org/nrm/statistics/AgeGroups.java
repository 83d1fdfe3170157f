package org.nrm.statistics;

/**
 * The data dictionary's age groups for reports ({@code 0-11}, {@code 12-17}, {@code 18-24},
 * {@code 25-59}, {@code 60+}, {@code unknown}) and UNODC's victim groups (woman, man, girl, boy):
 * a person is counted by group, never by age.
 */
final class AgeGroups {

  static final String UNKNOWN = "unknown";

  private AgeGroups() {}

  static String of(Integer ageYears) {
    if (ageYears == null || ageYears < 0) {
      return UNKNOWN;
    }
    if (ageYears <= 11) {
      return "0-11";
    }
    if (ageYears <= 17) {
      return "12-17";
    }
    if (ageYears <= 24) {
      return "18-24";
    }
    return ageYears <= 59 ? "25-59" : "60+";
  }

  /**
   * Woman, man, girl or boy: a child by age, or, when the age is unknown, by the rules' decision to
   * treat the person as a child (presumption of minority); {@code unknown} when the sex or both are.
   */
  static String victimGroup(String sex, Integer ageYears, Boolean treatedAsChild) {
    Boolean child = ageYears != null ? Boolean.valueOf(ageYears < 18) : treatedAsChild;
    if (child == null || !("female".equals(sex) || "male".equals(sex))) {
      return UNKNOWN;
    }
    if ("female".equals(sex)) {
      return child ? "girl" : "woman";
    }
    return child ? "boy" : "man";
  }
}
