package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nrm.rules.ScreeningRulesTest.row;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Consular notification and return (principles 8, 9, 12) and the risk level. */
class ProtectionAndRiskRulesTest {

  static final CaseDecisionService rules = ShippedRules.decisions();

  static Stream<Arguments> protections() {
    return Stream.of(
        row("A foreign adult who wishes to return, with no fear, may be returned and the consulate notified",
            Cases.adultVictim("forced-labour").wishesToReturn("yes"), true, true, null),
        row("P8: fear of return blocks the consulate and the return",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").fearOfReturn(), false, false, "No devolución"),
        row("P8: an asylum seeker's consulate is not notified and they are not returned",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").migrationStatus("asylum-seeker"), false, false, "asilo"),
        row("P8: a refugee's consulate is not notified and they are not returned",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").migrationStatus("refugee"), false, false, "refugiada"),
        row("P8: a return that the risk assessment finds unsafe is blocked",
            Cases.adultVictim("forced-labour").wishesToReturn("yes").originRiskFactors("armed-violence"), true, false,
            "evaluación de riesgo"),
        row("Return is voluntary: an adult who has not decided to return is not returned",
            Cases.adultVictim("forced-labour").wishesToReturn("undecided"), true, false, "Retorno voluntario"),
        row("P12: a child is not returned without a best-interests determination",
            Cases.aged(14).wishesToReturn("yes").returnPrepared(false, true, true), true, false,
            "falta la determinación del interés superior"),
        row("P12: a child with best-interests determination, family assessment and escort may be returned",
            Cases.aged(14).returnPrepared(true, true, true), true, true, null),
        row("A national has no consulate and no repatriation",
            Cases.adultVictim("forced-labour").national().wishesToReturn("yes"), false, false, "nacional"),
        row("A stateless person has no consulate to notify",
            Cases.adultVictim("forced-labour").stateless().wishesToReturn("yes"), false, true, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("protections")
  void decidesConsularNotificationAndReturn(Cases givenCase, boolean consularNotificationAllowed,
      boolean repatriationAllowed, String blockingReason) {
    CaseDecisions decisions = rules.decideAll(givenCase.facts());

    assertThat(decisions.consularNotificationAllowed()).isEqualTo(consularNotificationAllowed);
    assertThat(decisions.repatriationAllowed()).isEqualTo(repatriationAllowed);
    if (blockingReason == null) {
      assertThat(decisions.repatriationBlockedBy()).isEmpty();
    } else {
      assertThat(decisions.repatriationBlockedBy()).anySatisfy(reason -> assertThat(reason).contains(blockingReason));
    }
  }

  static Stream<Arguments> riskLevels() {
    return Stream.of(
        row("No risk factor is low risk", Cases.adultVictim("forced-labour"), "low"),
        row("Debt bondage is medium risk", Cases.adultVictim("forced-labour").riskFactors("debt-bondage"), "medium"),
        row("Threats received are high risk", Cases.adultVictim("forced-labour").riskFactors("threats-received"), "high"),
        row("Threats from a trafficker who knows the location are critical",
            Cases.adultVictim("forced-labour").riskFactors("threats-received", "trafficker-knows-location"), "critical"),
        row("P12: an unaccompanied child is at least high risk", Cases.aged(13).accompaniedBy("none"), "high"),
        row("P12: a child with an unrelated adult is at least high risk", Cases.aged(13).accompaniedBy("unrelated-adult"), "high"),
        row("A child with a parent and no risk factor is low risk", Cases.aged(13).accompaniedBy("parent"), "low"),
        row("P12: family involvement in a child's exploitation is high risk",
            Cases.aged(13).accompaniedBy("parent").riskFactors("family-involved"), "high"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("riskLevels")
  void assessesTheRisk(Cases givenCase, String riskLevel) {
    CaseDecisions decisions = rules.decideAll(givenCase.facts());

    assertThat(decisions.riskLevel()).isEqualTo(riskLevel);
  }
}
