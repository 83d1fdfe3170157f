package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Classification, child route and offence code: principles 1-5 of the domain brief. */
class ScreeningRulesTest {

  static final CaseDecisionService rules = ShippedRules.decisions();

  static Stream<Arguments> classifications() {
    return Stream.of(
        row("P2: a 16-year-old recruited and harboured for sexual exploitation, with no means, is a presumed victim and a child",
            Cases.aged(16).acts("recruitment", "harbouring").purposes("sexual-exploitation"),
            "presumed-trafficking-victim", true),
        row("P1: the same facts for a 30-year-old are not trafficking: an adult needs a means",
            Cases.aged(30).acts("recruitment", "harbouring").purposes("sexual-exploitation"),
            "other-vulnerable-person", false),
        row("P1: an adult with act, means and purpose who crossed a border is a presumed victim",
            Cases.adultVictim("forced-labour").crossedBorder(), "presumed-trafficking-victim", false),
        row("P4: an adult with act, means and purpose who never crossed a border is a presumed victim",
            Cases.adultVictim("forced-labour"), "presumed-trafficking-victim", false),
        row("P3: unknown age and possibly a minor is treated as a child, and needs no means",
            Cases.ageUnknown().possiblyMinor().acts("transportation").purposes("forced-begging"),
            "presumed-trafficking-victim", true),
        row("P3: a disputed age (documents say 19) that may be under 18 is treated as a child",
            Cases.aged(19).possiblyMinor().acts("receipt").purposes("sexual-exploitation"),
            "presumed-trafficking-victim", true),
        row("P3: unknown age without doubt of minority is not treated as a child",
            Cases.ageUnknown().acts("receipt").purposes("sexual-exploitation"), "other-vulnerable-person", false),
        row("P2: a 17-year-old is a child",
            Cases.aged(17), "insufficient-information", true),
        row("P2: an 18-year-old is an adult",
            Cases.aged(18), "insufficient-information", false),
        row("P5: a paid, consented crossing that ended on arrival, with no exploitation, is smuggling of migrants",
            Cases.aged(25).smuggled().acts("transportation"), "smuggled-migrant-in-need", false),
        row("P5 and P2: the same smuggled person deceived into forced labour is a presumed victim; consent is irrelevant",
            Cases.aged(25).smuggled().acts("transportation", "harbouring").means("deception").purposes("forced-labour"),
            "presumed-trafficking-victim", false),
        row("P5: a crossing that did not end on arrival is not smuggling without more facts",
            Cases.aged(25).crossedBorder().acts("transportation"), "insufficient-information", false),
        row("Never a silent drop: with nothing known the information is insufficient",
            Cases.aged(40), "insufficient-information", false),
        row("Never a silent drop: an act alone is insufficient information",
            Cases.aged(40).acts("transportation"), "insufficient-information", false),
        row("A means without a purpose is another vulnerable person, to screen again",
            Cases.aged(40).acts("recruitment").means("threat"), "other-vulnerable-person", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classifications")
  void classifiesTheCase(Cases givenCase, String classification, boolean treatAsChild) {
    CaseDecisions decisions = rules.decide(DecisionDomain.SCREENING, givenCase.facts(), CaseDecisions.none());

    assertThat(decisions.classification()).isEqualTo(classification);
    assertThat(decisions.treatAsChild()).isEqualTo(treatAsChild);
    assertThat(decisions.firedRules()).isNotEmpty();
    assertThat(decisions.ruleSetVersion()).isEqualTo("test");
  }

  static Stream<Arguments> offenceCodes() {
    return Stream.of(
        row("ICCS 02041: sexual exploitation", Cases.adultVictim("sexual-exploitation"), "02041"),
        row("ICCS 02042: forced labour", Cases.adultVictim("forced-labour"), "02042"),
        row("ICCS 02042: servitude and slavery together", Cases.adultVictim("servitude", "slavery"), "02042"),
        row("ICCS 02043: organ removal", Cases.adultVictim("organ-removal"), "02043"),
        row("ICCS 02044: forced begging", Cases.adultVictim("forced-begging"), "02044"),
        row("ICCS 02044: forced marriage and illegal adoption together", Cases.adultVictim("forced-marriage", "illegal-adoption"), "02044"),
        row("ICCS 02044: forced criminality", Cases.adultVictim("forced-criminality"), "02044"),
        row("ICCS 0204: purposes that map to different codes", Cases.adultVictim("sexual-exploitation", "forced-labour"), "0204"),
        row("ICCS 0204: a child with an unknown form of exploitation (other)",
            Cases.aged(12).acts("receipt").purposes("other-exploitation", "organ-removal"), "0204"),
        row("No offence code for a case that is not a presumed victim", Cases.aged(30).acts("recruitment").purposes("forced-labour"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offenceCodes")
  void codesTheOffenceByPurpose(Cases givenCase, String iccsCode) {
    CaseDecisions decisions = rules.decide(DecisionDomain.SCREENING, givenCase.facts(), CaseDecisions.none());

    assertThat(decisions.iccsCode()).isEqualTo(iccsCode);
  }

  static Arguments row(String proves, Object... values) {
    Object[] all = new Object[values.length];
    all[0] = named(proves, values[0]);
    System.arraycopy(values, 1, all, 1, values.length - 1);
    return arguments(all);
  }
}
