package org.nrm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule sets that cannot run are refused with every reason, and deadlines are data per jurisdiction. */
class RuleSetCompilerTest {

  @Test
  void aJurisdictionOverrideChangesTheDueHours() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("deadlines.yml", files.get("deadlines.yml").replace("jurisdictions: {}",
        "jurisdictions:\n  GT:\n    child-protection-notification: 12h\n"));
    CaseDecisionService rules = new CaseDecisionService(RuleSetCompiler.compile("override", files));

    Referral guatemala = childProtectionReferral(rules, "GT");
    Referral costaRica = childProtectionReferral(rules, "CR");

    assertThat(guatemala.dueInHours()).isEqualTo(12);
    assertThat(costaRica.dueInHours()).isEqualTo(24);
  }

  @Test
  void aRuleThatDoesNotCompileIsRefusedWithDroolsMessages() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("risk/broken.drl", "package rules.risk\n\nrule \"Regla rota\"\nwhen\n    NoSuchFact()\nthen\nend\n");

    assertThatThrownBy(() -> RuleSetCompiler.compile("broken", files))
        .isInstanceOf(RuleSetRejectedException.class)
        .satisfies(e -> assertThat(((RuleSetRejectedException) e).details())
            .anySatisfy(detail -> assertThat(detail).startsWith("risk/broken.drl").contains("NoSuchFact")));
  }

  @Test
  void aFileOutsideTheDomainsIsRefused() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("other/x.drl", "package rules.other\n");

    assertThatThrownBy(() -> RuleSetCompiler.compile("x", files))
        .isInstanceOf(RuleSetRejectedException.class)
        .hasMessageContaining("other/x.drl: archivo no reconocido");
  }

  @Test
  void aPackageThatDoesNotMatchItsFolderIsRefused() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("risk/misplaced.drl", "package rules.screening\n");

    assertThatThrownBy(() -> RuleSetCompiler.compile("x", files))
        .hasMessageContaining("risk/misplaced.drl: el paquete debe ser «package rules.risk»");
  }

  @Test
  void aDomainWithoutRulesIsRefused() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.keySet().removeIf(path -> path.startsWith("protection/"));

    assertThatThrownBy(() -> RuleSetCompiler.compile("x", files))
        .hasMessageContaining("falta al menos un archivo .drl del dominio protection");
  }

  @Test
  void aMalformedDeadlineIsRefused() {
    Map<String, String> files = new HashMap<>(ClasspathRules.files());
    files.put("deadlines.yml", "default:\n  immediate-assistance: soon\n");

    assertThatThrownBy(() -> RuleSetCompiler.compile("x", files))
        .hasMessageContaining("«immediate-assistance»: plazo no válido «soon»");
  }

  @Test
  void workingDaysAndHoursAreParsed() {
    assertThat(Deadline.parse("7wd")).isEqualTo(new Deadline(168, true));
    assertThat(Deadline.parse("24h")).isEqualTo(new Deadline(24, false));
    assertThat(Deadline.parse("30d")).isEqualTo(new Deadline(720, false));
  }

  @Test
  void theStepsOfTheRepatriationProtocolHaveDeadlines() {
    Deadlines deadlines = ClasspathRules.compile("x").deadlines().forJurisdiction("CR");

    assertThat(deadlines.of("return-decision")).isEqualTo(Deadline.parse("10wd"));
    assertThat(deadlines.of("best-interests-determination")).isEqualTo(Deadline.parse("10wd"));
    assertThat(deadlines.of("consular-documents")).isEqualTo(Deadline.parse("10wd"));
    assertThat(deadlines.of("return-travel-plan")).isEqualTo(Deadline.parse("10wd"));
    assertThat(deadlines.of("return-escort")).isEqualTo(Deadline.parse("5wd"));
    assertThat(deadlines.of("return-travel-confirmation")).isEqualTo(Deadline.parse("5wd"));
    assertThat(deadlines.of("family-assessment")).isEqualTo(Deadline.parse("15wd"));
    assertThat(deadlines.of("reception-on-arrival")).isEqualTo(new Deadline(240, false));
    assertThat(deadlines.of("reintegration-plan")).isEqualTo(Deadline.parse("10wd"));
    assertThat(deadlines.of("failed-reintegration-response")).isEqualTo(new Deadline(24, false));
    assertThat(deadlines.of("follow-up-period")).isEqualTo(new Deadline(365 * 24, false));
    assertThat(deadlines.of("follow-up-check-in")).isEqualTo(new Deadline(90 * 24, false));
  }

  private static Referral childProtectionReferral(CaseDecisionService rules, String jurisdiction) {
    return rules.decideAll(Cases.aged(10).jurisdiction(jurisdiction).facts()).referrals().stream()
        .filter(referral -> referral.institution().equals("child-protection")).findFirst().orElseThrow();
  }
}
