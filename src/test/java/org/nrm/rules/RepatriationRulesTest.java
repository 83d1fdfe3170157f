package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nrm.rules.ScreeningRulesTest.row;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The repatriation protocol: the risk of the return (principle 8) and what it decides. */
class RepatriationRulesTest {

  static final CaseDecisionService rules = ShippedRules.decisions();

  static final String LOW_RETURN_RISK_RULE = "Sin riesgos conocidos en el país de origen, el riesgo del retorno es bajo";
  static final String UNSAFE_RETURN = "evaluación de riesgo";

  static Stream<Arguments> returnRisks() {
    return Stream.of(
        row("Nothing known in the country of origin is a low return risk",
            Cases.adultVictim("forced-labour"), "low"),
        row("Threats received at intake without a network in the country of origin are a low return risk",
            Cases.adultVictim("forced-labour").riskFactors("threats-received"), "low"),
        row("Intake risk factors that do not follow the person home are a low return risk",
            Cases.adultVictim("forced-labour").riskFactors("documents-retained", "trafficker-knows-location",
                "family-involved", "substance-dependency"), "low"),
        row("No safe accommodation in the country of origin is a medium return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("no-safe-accommodation"), "medium"),
        row("Rejection by the community is a medium return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("community-rejection"), "medium"),
        row("No means of livelihood is a medium return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("no-means-of-livelihood"), "medium"),
        row("A trafficker at large is a medium return risk",
            Cases.adultVictim("forced-labour").riskFactors("trafficker-at-large"), "medium"),
        row("Previous victimisation is a medium return risk",
            Cases.adultVictim("forced-labour").riskFactors("previous-victimisation"), "medium"),
        row("Debt bondage is a medium return risk",
            Cases.adultVictim("forced-labour").riskFactors("debt-bondage"), "medium"),
        row("A trafficking network in the country of origin is a high return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("trafficking-network-in-origin"), "high"),
        row("Threats to the family are a high return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("threats-to-family"), "high"),
        row("Armed violence is a high return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("armed-violence"), "high"),
        row("Threats to the family with armed violence but no network are a high return risk, not critical",
            Cases.adultVictim("forced-labour").originRiskFactors("threats-to-family", "armed-violence"), "high"),
        row("Threats received with armed violence but no network are a high return risk, not critical",
            Cases.adultVictim("forced-labour").originRiskFactors("armed-violence").riskFactors("threats-received"), "high"),
        row("The highest level wins: community rejection with armed violence is a high return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("community-rejection", "armed-violence"), "high"),
        row("The highest level wins: a network in the country of origin with debt bondage is a high return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("trafficking-network-in-origin").riskFactors("debt-bondage"),
            "high"),
        row("A network in the country of origin with threats to the family is a critical return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("trafficking-network-in-origin", "threats-to-family"),
            "critical"),
        row("A network in the country of origin with threats received at intake is a critical return risk",
            Cases.adultVictim("forced-labour").originRiskFactors("trafficking-network-in-origin").riskFactors("threats-received"),
            "critical"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("returnRisks")
  void assessesTheRiskOfTheReturn(Cases givenCase, String returnRiskLevel) {
    CaseDecisions decisions = rules.decide(DecisionDomain.REPATRIATION, givenCase.facts(), CaseDecisions.none());

    assertThat(decisions.returnRiskLevel()).isEqualTo(returnRiskLevel);
    assertThat(decisions.firedRules().contains(LOW_RETURN_RISK_RULE))
        .as("the audit rule of a low return risk fires exactly when the level stays low")
        .isEqualTo(returnRiskLevel.equals("low"));
    assertThat(decisions.ruleSetVersion()).isEqualTo("test");
  }

  static Stream<Arguments> returnsByRisk() {
    return Stream.of(
        row("P8: a critical return risk blocks the return",
            Cases.adultVictim("forced-labour").wishesToReturn("yes")
                .originRiskFactors("trafficking-network-in-origin", "threats-to-family"), false),
        row("P8: a high return risk blocks the return",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").originRiskFactors("threats-to-family"), false),
        row("P8: a medium return risk does not block the return",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").originRiskFactors("no-means-of-livelihood"), true),
        row("P8: a low return risk does not block the return",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").returnCountry("NI"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("returnsByRisk")
  void anUnsafeReturnIsBlocked(Cases givenCase, boolean repatriationAllowed) {
    CaseDecisions decisions = rules.decideAll(givenCase.facts());

    assertThat(decisions.repatriationAllowed()).isEqualTo(repatriationAllowed);
    assertThat(decisions.repatriationBlockedBy().stream().anyMatch(reason -> reason.contains(UNSAFE_RETURN)))
        .isEqualTo(!repatriationAllowed);
  }

  static final String NO_BEST_INTERESTS = "Interés superior de la niñez: falta la determinación del interés superior";

  static Stream<Arguments> childReturns() {
    return Stream.of(
        row("P12: a child without a best-interests determination is not returned, nor travels",
            Cases.aged(14).returnPrepared(false, true, true), false, false, List.of(NO_BEST_INTERESTS)),
        row("P12: with nothing done, the travel waits for the determination, then for the family assessment and the escort",
            Cases.aged(14).returnPrepared(false, false, false), false, false, List.of(NO_BEST_INTERESTS,
                "Interés superior de la niñez: falta la evaluación familiar en el país de origen y la escolta")),
        row("P12: after the best-interests determination the return is prepared, but the child does not travel without "
                + "the family assessment in the country of origin and an escort",
            Cases.aged(14).returnPrepared(true, false, false), true, false,
            List.of("Interés superior de la niñez: falta la evaluación familiar en el país de origen y la escolta")),
        row("P12: a child whose family was assessed does not travel without an escort",
            Cases.aged(14).returnPrepared(true, true, false), true, false,
            List.of("Interés superior de la niñez: falta la escolta")),
        row("P12: a child with an escort does not travel without the family assessment in the country of origin",
            Cases.aged(14).returnPrepared(true, false, true), true, false,
            List.of("Interés superior de la niñez: falta la evaluación familiar en el país de origen")),
        row("P12: a child with the determination, the family assessment and an escort travels",
            Cases.aged(14).returnPrepared(true, true, true), true, true, List.of()),
        row("P3 and P12: a person who may be a minor is treated as a child for the travel too",
            Cases.ageUnknown().possiblyMinor().returnPrepared(true, true, false), true, false,
            List.of("Interés superior de la niñez: falta la escolta")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("childReturns")
  void aChildIsReturnedAfterTheDeterminationAndTravelsWithFamilyAssessmentAndEscort(Cases givenCase,
      boolean repatriationAllowed, boolean returnTravelAllowed, List<String> returnTravelBlockedBy) {
    CaseDecisions decisions = rules.decideAll(givenCase.facts());

    assertThat(decisions.repatriationAllowed()).isEqualTo(repatriationAllowed);
    assertThat(decisions.returnTravelAllowed()).isEqualTo(returnTravelAllowed);
    assertThat(decisions.returnTravelBlockedBy()).containsExactlyElementsOf(returnTravelBlockedBy);
  }

  static Stream<Arguments> adultReturns() {
    return Stream.of(
        row("An adult who wishes to return travels", Cases.adultVictim("forced-labour").wishesToReturn("yes"), true),
        row("An adult travels without the steps of a child's return",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").returnPrepared(false, false, false), true),
        row("An adult who has not decided to return does not travel",
            Cases.adultVictim("forced-labour").wishesToReturn("undecided"), false),
        row("P8: an adult facing a high return risk does not travel",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").originRiskFactors("armed-violence"), false),
        row("P8: an adult who fears return neither returns nor travels",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").fearOfReturn(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adultReturns")
  void anAdultTravelsExactlyWhenTheReturnIsAllowed(Cases givenCase, boolean allowed) {
    CaseDecisions decisions = rules.decideAll(givenCase.facts());

    assertThat(decisions.repatriationAllowed()).isEqualTo(allowed);
    assertThat(decisions.returnTravelAllowed()).isEqualTo(allowed);
    assertThat(decisions.returnTravelBlockedBy()).isEqualTo(decisions.repatriationBlockedBy());
  }

  @Test
  void theTravelDecisionIsReadBackFromTheProcessVariablesWithoutMixingTheReasons() {
    CaseDecisions decided = rules.decideAll(Cases.aged(14).returnPrepared(false, false, false).facts());

    CaseDecisions readBack = CaseVariables.priorDecisions(Map.of(
        "repatriationBlockedBy", decided.repatriationBlockedBy(), "returnTravelBlockedBy", decided.returnTravelBlockedBy()));
    Protection protection = readBack.protection();

    assertThat(protection.getRepatriationBlockedBy()).isEqualTo(decided.repatriationBlockedBy());
    assertThat(protection.getReturnTravelBlockedBy()).isEqualTo(decided.returnTravelBlockedBy());
    assertThat(protection.isReturnTravelAllowed()).isFalse();
  }

  @Test
  void protectionAloneReadsTheReturnRiskDecidedBefore() {
    CaseFacts adultWhoWishesToReturn = Cases.adultVictim("forced-labour").wishesToReturn("yes").facts();
    CaseDecisions screened = rules.decide(DecisionDomain.SCREENING, adultWhoWishesToReturn, CaseDecisions.none());

    CaseDecisions afterHighRisk = rules.decide(DecisionDomain.PROTECTION, adultWhoWishesToReturn, withReturnRisk(screened, "high"));
    CaseDecisions afterLowRisk = rules.decide(DecisionDomain.PROTECTION, adultWhoWishesToReturn, withReturnRisk(screened, "low"));

    assertThat(afterHighRisk.repatriationAllowed()).isFalse();
    assertThat(afterHighRisk.repatriationBlockedBy()).singleElement().asString().contains(UNSAFE_RETURN);
    assertThat(afterLowRisk.repatriationAllowed()).isTrue();
  }

  @Test
  void theReturnRiskLevelOfAnEarlierStepIsReadFromTheProcessVariables() {
    CaseDecisions prior = CaseVariables.priorDecisions(Map.of("returnRiskLevel", "critical", "riskLevel", "low"));

    assertThat(prior.returnRiskLevel()).isEqualTo("critical");
    assertThat(prior.returnRisk().getLevel()).isEqualTo("critical");
  }

  private static CaseDecisions withReturnRisk(CaseDecisions decisions, String level) {
    return decisions.with(new ReturnRisk(level), List.of(), decisions.ruleSetVersion());
  }
}
