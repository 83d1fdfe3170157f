package org.nrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The data dictionary's age groups and UNODC's victim groups; a form's free text never becomes a code. */
class AgeGroupsTest {

  @Test
  void agesFallIntoTheDataDictionarysGroups() {
    assertThat(AgeGroups.of(0)).isEqualTo("0-11");
    assertThat(AgeGroups.of(11)).isEqualTo("0-11");
    assertThat(AgeGroups.of(12)).isEqualTo("12-17");
    assertThat(AgeGroups.of(17)).isEqualTo("12-17");
    assertThat(AgeGroups.of(18)).isEqualTo("18-24");
    assertThat(AgeGroups.of(24)).isEqualTo("18-24");
    assertThat(AgeGroups.of(25)).isEqualTo("25-59");
    assertThat(AgeGroups.of(59)).isEqualTo("25-59");
    assertThat(AgeGroups.of(60)).isEqualTo("60+");
    assertThat(AgeGroups.of(null)).isEqualTo("unknown");
  }

  @Test
  void aChildByAgeOrByThePresumptionOfMinorityIsAGirlOrABoy() {
    assertThat(AgeGroups.victimGroup("female", 16, false)).isEqualTo("girl");
    assertThat(AgeGroups.victimGroup("male", 30, null)).isEqualTo("man");
    assertThat(AgeGroups.victimGroup("female", null, true)).as("age unknown, treated as a child").isEqualTo("girl");
    assertThat(AgeGroups.victimGroup("male", null, false)).isEqualTo("man");
    assertThat(AgeGroups.victimGroup("male", null, null)).isEqualTo("unknown");
    assertThat(AgeGroups.victimGroup("intersex", 30, false)).isEqualTo("unknown");
  }

  @Test
  void onlyCodesAreKept() {
    assertThat(StatisticsCodes.code("caseOutcome", "lost-contact", "other")).isEqualTo("lost-contact");
    assertThat(StatisticsCodes.code("caseOutcome", "María se fue a Limón", "other")).isEqualTo("other");
    assertThat(StatisticsCodes.code("sex", "female", "unknown")).isEqualTo("female");
    assertThat(StatisticsCodes.country("Guatemala")).isEqualTo("unknown");
    assertThat(StatisticsCodes.iccs("02041")).isEqualTo("02041");
    assertThat(StatisticsCodes.iccs("texto")).isNull();
  }
}
