package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nrm.rules.ScreeningRulesTest.row;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who gets the case, why and by when: principles 5, 6, 7, 9 and 12, with the default deadlines. */
class ReferralRulesTest {

  static final CaseDecisionService rules = ShippedRules.decisions();

  static Stream<Arguments> referrals() {
    return Stream.of(
        row("P12: a child victim is referred to child-protection within 24 hours",
            Cases.aged(15).acts("recruitment").purposes("sexual-exploitation").accompaniedBy("parent"),
            "child-protection", 24),
        row("P12: a child is referred to child-protection even with too little information to classify",
            Cases.aged(9).accompaniedBy("guardian"), "child-protection", 24),
        row("P3: a possible minor is referred to child-protection",
            Cases.ageUnknown().possiblyMinor(), "child-protection", 24),
        row("A presumed victim gets immediate assistance from the response team within 24 hours",
            Cases.adultVictim("sexual-exploitation"), "response-team", 24),
        row("Never a silent drop: too little information goes to the response team to complete the screening",
            Cases.aged(40), "response-team", 72),
        row("Another vulnerable person is screened again by the response team",
            Cases.aged(30).acts("recruitment").purposes("forced-labour"), "response-team", 72),
        row("Labour exploitation goes to the labour inspectorate", Cases.adultVictim("forced-labour"), "labour", 72),
        row("Servitude is labour exploitation too", Cases.adultVictim("servitude"), "labour", 72),
        row("An emergency medical need goes to health within one hour", Cases.aged(40).medicalUrgency("emergency"), "health", 1),
        row("An urgent medical need goes to health within 24 hours", Cases.aged(40).medicalUrgency("urgent"), "health", 24),
        row("P7: open proceedings go to legal aid for the non-punishment defence",
            Cases.adultVictim("forced-criminality").openProceedingsAgainstPerson(), "legal-aid", 72),
        row("P7: open proceedings go to the prosecution for the non-punishment review",
            Cases.adultVictim("forced-criminality").openProceedingsAgainstPerson(), "prosecution", 72),
        row("Critical risk goes to the police for protection measures within 2 hours",
            Cases.adultVictim("sexual-exploitation").riskFactors("threats-received", "trafficker-knows-location"), "police", 2),
        row("High risk goes to the police for protection measures within 24 hours",
            Cases.adultVictim("sexual-exploitation").riskFactors("threats-received"), "police", 24),
        row("P5: a smuggled migrant in need gets humanitarian assistance",
            Cases.aged(25).smuggled().acts("transportation"), "social-welfare", 24),
        row("P9: a foreign victim without regular status goes to migration for regularisation, never deportation",
            Cases.adultVictim("forced-labour").migrationStatus("irregular"), "migration", 72),
        row("A person who needs shelter goes to a shelter within 24 hours", Cases.aged(40).needsShelter(), "shelter", 24),
        row("Documents of a foreign person with no fear of return come through the consulate",
            Cases.adultVictim("forced-labour").migrationStatus("regular").needsDocuments(), "foreign-affairs", 72),
        row("P8: documents of a person who fears return come from migration, not the consulate",
            Cases.adultVictim("forced-labour").migrationStatus("regular").fearOfReturn().needsDocuments(), "migration", 72));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referrals")
  void refersTheCase(Cases givenCase, String institution, int dueInHours) {
    Map<String, Referral> referrals = referralsOf(givenCase);

    assertThat(referrals).containsKey(institution);
    assertThat(referrals.get(institution).dueInHours()).isEqualTo(dueInHours);
  }

  static Stream<Arguments> nonReferrals() {
    return Stream.of(
        row("An adult is not referred to child-protection", Cases.adultVictim("sexual-exploitation"), "child-protection"),
        row("Low risk is not referred to the police", Cases.adultVictim("sexual-exploitation"), "police"),
        row("Sexual exploitation is not referred to the labour inspectorate", Cases.adultVictim("sexual-exploitation"), "labour"),
        row("P9: a victim with regular status needs no regularisation",
            Cases.adultVictim("forced-labour").migrationStatus("regular"), "migration"),
        row("P8: a person who fears return is never referred to the consulate for documents",
            Cases.adultVictim("forced-labour").fearOfReturn().needsDocuments(), "foreign-affairs"),
        row("P8: an asylum seeker is never referred to the consulate for documents",
            Cases.adultVictim("forced-labour").migrationStatus("asylum-seeker").needsDocuments(), "foreign-affairs"),
        row("P6: wanting to file a complaint does not refer the case to the prosecution",
            Cases.adultVictim("sexual-exploitation").wantsToFileComplaint("yes"), "prosecution"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonReferrals")
  void doesNotReferTheCase(Cases givenCase, String institution) {
    assertThat(referralsOf(givenCase)).doesNotContainKey(institution);
  }

  @Test
  void anEmergencyMedicalNeedHasTheShortestDeadlineOfAll() {
    List<Referral> referrals = rules.decideAll(Cases.aged(15).acts("recruitment").purposes("sexual-exploitation")
        .riskFactors("threats-received", "trafficker-knows-location").openProceedingsAgainstPerson().needsShelter()
        .medicalUrgency("emergency").facts()).referrals();

    assertThat(referrals.get(0).institution()).isEqualTo("health");
    assertThat(referrals).allSatisfy(referral ->
        assertThat(referral.dueInHours()).isGreaterThanOrEqualTo(referrals.get(0).dueInHours()));
  }

  @Test
  void assistanceNeverDependsOnTheWishToFileAComplaint() {
    Function<String, List<Referral>> referralsWhenComplaintIs = answer -> rules.decideAll(
        Cases.adultVictim("sexual-exploitation").needsShelter().medicalUrgency("urgent").wantsToFileComplaint(answer).facts())
        .referrals();

    assertThat(referralsWhenComplaintIs.apply("no"))
        .isNotEmpty()
        .isEqualTo(referralsWhenComplaintIs.apply("yes"))
        .isEqualTo(referralsWhenComplaintIs.apply("undecided"));
  }

  @Test
  void oneReferralPerInstitutionWithEveryReasonAndTheSoonerDeadline() {
    List<Referral> referrals = rules.decideAll(Cases.adultVictim("forced-labour").facts()).referrals();
    Referral responseTeam = referrals.stream().filter(r -> r.institution().equals("response-team")).findFirst().orElseThrow();

    assertThat(referrals).extracting(Referral::institution).doesNotHaveDuplicates();
    assertThat(responseTeam.reason()).contains("Asistencia inmediata").contains("Identificación formal");
    assertThat(responseTeam.dueInHours()).isEqualTo(24);
    assertThat(responseTeam.workingDays()).isFalse();
  }

  @Test
  void theIdentificationDeadlineIsSevenWorkingDaysWhenNothingSooner() {
    Deadline identification = rules.active().deadlines().forJurisdiction("CR").of("identification-decision");

    assertThat(identification).isEqualTo(new Deadline(7 * 24, true));
  }

  private static Map<String, Referral> referralsOf(Cases givenCase) {
    return rules.decideAll(givenCase.facts()).referrals().stream()
        .collect(Collectors.toMap(Referral::institution, Function.identity()));
  }
}
