package org.nrm.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrm.casesummary.CaseFact;
import org.nrm.casesummary.CaseSummaries;
import org.nrm.identity.IdentityAccessPolicy;

/**
 * What of the case may be shared with a provider, one choice per fact its referral's tasks would
 * show, plus the identity where the institution's delivery needs it (a shelter admitting the
 * person). The person agrees to each; the provider's tasks then show those and what the referral
 * is for, nothing else.
 */
public final class ConsentFacts {

  /** The identity (name, document, contact), held apart in the vault. */
  public static final String IDENTITY = IdentityAccessPolicy.IDENTITY_SHARED;
  static final String IDENTITY_LABEL = "Identidad: nombre, documento y contacto";

  private ConsentFacts() {}

  /** The facts a referral to the institution may share, code to Spanish label, in the summary's order. */
  public static Map<String, String> shareable(String institution, boolean identityNeeded) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (CaseFact fact : CaseSummaries.factsOf("UserTask_DecideOnReferral", institution)) {
      if (fact != CaseFact.REFERRAL) {
        facts.put(fact.name(), fact.description());
      }
    }
    if (identityNeeded) {
      facts.put(IDENTITY, IDENTITY_LABEL);
    }
    return facts;
  }

  /** The codes agreed, from the variable as stored ({@code "SEX,AGE"}); none for a missing one. */
  public static List<String> parse(Object agreed) {
    List<String> codes = new ArrayList<>();
    if (agreed instanceof String text && !text.isBlank()) {
      for (String code : text.split(",")) {
        codes.add(code.trim());
      }
    }
    return codes;
  }
}
