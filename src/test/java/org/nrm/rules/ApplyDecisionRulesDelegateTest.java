package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nrm.rules.DecisionDomain.PROTECTION;
import static org.nrm.rules.DecisionDomain.REPATRIATION;
import static org.nrm.rules.DecisionDomain.RISK;
import static org.nrm.rules.DecisionDomain.SCREENING;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The input parameter decisionDomain of the business rule tasks: one domain, a list, or all. */
class ApplyDecisionRulesDelegateTest {

  @Test
  void oneDomain() {
    assertThat(ApplyDecisionRulesDelegate.domains("protection")).containsExactly(PROTECTION);
  }

  @Test
  void aListOfDomainsIsDecidedInTheDomainsOrderWhateverTheListsOrder() {
    assertThat(ApplyDecisionRulesDelegate.domains("repatriation,protection")).containsExactly(REPATRIATION, PROTECTION);
    assertThat(ApplyDecisionRulesDelegate.domains(" protection , repatriation,risk")).containsExactly(RISK, REPATRIATION, PROTECTION);
  }

  @Test
  void allIsEveryDomain() {
    assertThat(ApplyDecisionRulesDelegate.domains("all")).isEqualTo(EnumSet.allOf(DecisionDomain.class));
    assertThat(ApplyDecisionRulesDelegate.domains("all")).first().isEqualTo(SCREENING);
  }

  @Test
  void anUnknownDomainInAListFailsNamingIt() {
    assertThatThrownBy(() -> ApplyDecisionRulesDelegate.domains("repatriation,return"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown decision domain 'return'")
        .hasMessageContaining("screening, risk, repatriation, protection, referral");
  }

  @Test
  void aMissingOrEmptyDomainFails() {
    assertThatThrownBy(() -> ApplyDecisionRulesDelegate.domains(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApplyDecisionRulesDelegate.domains("repatriation,")).hasMessageContaining("Unknown decision domain ''");
  }

  @Test
  void listedDomainsDecideAsAllDoForTheirDecisions() {
    CaseDecisionService rules = ShippedRules.decisions();
    CaseFacts facts = Cases.aged(15).returnPrepared(true, false, true).originRiskFactors("community-rejection").facts();
    CaseDecisions all = rules.decideAll(facts);
    CaseDecisions screened = rules.decide(EnumSet.of(SCREENING, RISK), facts, CaseDecisions.none());

    CaseDecisions listed = rules.decide(ApplyDecisionRulesDelegate.domains("repatriation,protection"), facts, screened);

    assertThat(listed.returnRiskLevel()).isEqualTo("medium").isEqualTo(all.returnRiskLevel());
    assertThat(listed.repatriationAllowed()).isTrue().isEqualTo(all.repatriationAllowed());
    assertThat(listed.returnTravelBlockedBy()).containsExactly("Interés superior de la niñez: falta la evaluación familiar en el país de origen")
        .isEqualTo(all.returnTravelBlockedBy());
    assertThat(listed.riskLevel()).as("kept from before").isEqualTo(screened.riskLevel());
    assertThat(listed.firedRules()).contains(
        "La falta de alojamiento seguro o de medios de vida, el rechazo de la comunidad, una red en libertad, una victimización previa o la servidumbre por deudas elevan el riesgo del retorno a medio",
        "Una niña, niño o adolescente no viaja sin evaluación familiar (o cuidado alternativo) en el país de origen ni escolta");
    assertThat(listed.referrals()).as("referral was not listed").isEmpty();
  }
}
