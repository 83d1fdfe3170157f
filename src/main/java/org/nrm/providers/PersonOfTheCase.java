package org.nrm.providers;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.nrm.casesummary.CaseScope;

/** What the ranking of providers reads of a case: codes of the single interview, never the identity. */
public final class PersonOfTheCase {

  private PersonOfTheCase() {}

  /** The person, with the region she or he was found in (null: none recorded, or {@code withRegion} false). */
  public static ProviderRanking.Person of(DelegateExecution execution, boolean withRegion) {
    CaseScope scope = new CaseScope(execution);
    List<String> languages = new ArrayList<>();
    scope.get("languages").forEach(language -> languages.add(language.asText()));
    String region = withRegion ? scope.get("detectionPlace", "subdivision").asText("") : "";
    return new ProviderRanking.Person(scope.get("ageYears").isNumber() ? scope.get("ageYears").asInt() : null,
        scope.get("treatAsChild").asBoolean(false), scope.get("sex").asText(null), region.isBlank() ? null : region, languages,
        scope.get("disability").asBoolean(false), scope.get("carePreferences", "lgbtqiSensitiveCare").asBoolean(false));
  }
}
