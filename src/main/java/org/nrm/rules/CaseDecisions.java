package org.nrm.rules;

import java.util.List;

/**
 * The decisions of the data dictionary for one case, with the rules that took them and the rule
 * set version. A domain not evaluated yet leaves its decisions null.
 */
public record CaseDecisions(
    String classification,
    Boolean treatAsChild,
    String iccsCode,
    String riskLevel,
    String returnRiskLevel,
    Boolean consularNotificationAllowed,
    List<String> consularNotificationBlockedBy,
    Boolean repatriationAllowed,
    List<String> repatriationBlockedBy,
    Boolean returnTravelAllowed,
    List<String> returnTravelBlockedBy,
    List<Referral> referrals,
    List<String> firedRules,
    String ruleSetVersion) {

  public static CaseDecisions none() {
    return new CaseDecisions(null, null, null, null, null, null, List.of(), null, List.of(), null, List.of(), List.of(),
        List.of(), null);
  }

  Screening screening() {
    return new Screening(classification, Boolean.TRUE.equals(treatAsChild), iccsCode);
  }

  Risk risk() {
    return new Risk(riskLevel);
  }

  ReturnRisk returnRisk() {
    return new ReturnRisk(returnRiskLevel);
  }

  Protection protection() {
    Protection protection = new Protection();
    consularNotificationBlockedBy.forEach(protection::blockConsularNotification);
    repatriationBlockedBy.forEach(protection::blockRepatriation);
    returnTravelBlockedBy.stream().filter(reason -> !repatriationBlockedBy.contains(reason))
        .forEach(protection::blockReturnTravel);
    return protection;
  }

  CaseDecisions with(Screening screening, List<String> fired, String version) {
    return new CaseDecisions(screening.getClassification(), screening.isTreatAsChild(), screening.getIccsCode(),
        riskLevel, returnRiskLevel, consularNotificationAllowed, consularNotificationBlockedBy, repatriationAllowed,
        repatriationBlockedBy, returnTravelAllowed, returnTravelBlockedBy, referrals, fired, version);
  }

  CaseDecisions with(Risk risk, List<String> fired, String version) {
    return new CaseDecisions(classification, treatAsChild, iccsCode, risk.getLevel(), returnRiskLevel,
        consularNotificationAllowed, consularNotificationBlockedBy, repatriationAllowed, repatriationBlockedBy,
        returnTravelAllowed, returnTravelBlockedBy, referrals, fired, version);
  }

  CaseDecisions with(ReturnRisk returnRisk, List<String> fired, String version) {
    return new CaseDecisions(classification, treatAsChild, iccsCode, riskLevel, returnRisk.getLevel(),
        consularNotificationAllowed, consularNotificationBlockedBy, repatriationAllowed, repatriationBlockedBy,
        returnTravelAllowed, returnTravelBlockedBy, referrals, fired, version);
  }

  CaseDecisions with(Protection protection, List<String> fired, String version) {
    return new CaseDecisions(classification, treatAsChild, iccsCode, riskLevel, returnRiskLevel,
        protection.isConsularNotificationAllowed(), protection.getConsularNotificationBlockedBy(),
        protection.isRepatriationAllowed(), protection.getRepatriationBlockedBy(),
        protection.isReturnTravelAllowed(), protection.getReturnTravelBlockedBy(), referrals, fired, version);
  }

  CaseDecisions with(Referrals newReferrals, List<String> fired, String version) {
    return new CaseDecisions(classification, treatAsChild, iccsCode, riskLevel, returnRiskLevel,
        consularNotificationAllowed, consularNotificationBlockedBy, repatriationAllowed, repatriationBlockedBy,
        returnTravelAllowed, returnTravelBlockedBy, newReferrals.list(), fired, version);
  }

  /** The same decisions, with the rules that fired in every domain evaluated. */
  CaseDecisions withFiredRules(List<String> fired) {
    return new CaseDecisions(classification, treatAsChild, iccsCode, riskLevel, returnRiskLevel,
        consularNotificationAllowed, consularNotificationBlockedBy, repatriationAllowed, repatriationBlockedBy,
        returnTravelAllowed, returnTravelBlockedBy, referrals, List.copyOf(fired), ruleSetVersion);
  }
}
