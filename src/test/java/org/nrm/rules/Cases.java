package org.nrm.rules;

import java.util.Set;

/** Builds the facts of test cases, starting from a foreign adult in Costa Rica with nothing else known. */
final class Cases {

  private final CaseFacts facts = new CaseFacts();

  private Cases() {
    facts.setJurisdiction("CR");
    facts.setNationality("NI");
    facts.setMigrationStatus("irregular");
    facts.setWishesToReturn("undecided");
    facts.setWantsToFileComplaint("undecided");
  }

  static Cases aged(Integer years) {
    Cases c = new Cases();
    c.facts.setAgeYears(years);
    return c;
  }

  static Cases ageUnknown() {
    return aged(null);
  }

  /** An adult with act, means and purpose: the plainest presumed victim. */
  static Cases adultVictim(String... purposes) {
    return aged(30).acts("recruitment", "harbouring").means("deception").purposes(purposes);
  }

  Cases possiblyMinor() { facts.setPossiblyMinor(true); return this; }
  Cases acts(String... codes) { facts.setActs(Set.of(codes)); return this; }
  Cases means(String... codes) { facts.setMeans(Set.of(codes)); return this; }
  Cases purposes(String... codes) { facts.setPurposes(Set.of(codes)); return this; }
  Cases riskFactors(String... codes) { facts.setRiskFactors(Set.of(codes)); return this; }
  Cases crossedBorder() { facts.setCrossedBorder(true); return this; }
  Cases national() { facts.setNationality("CR"); facts.setMigrationStatus("national"); return this; }
  Cases stateless() { facts.setNationality("stateless"); return this; }
  Cases migrationStatus(String code) { facts.setMigrationStatus(code); return this; }
  Cases fearOfReturn() { facts.setFearOfReturn(true); return this; }
  Cases wishesToReturn(String code) { facts.setWishesToReturn(code); return this; }
  Cases wantsToFileComplaint(String code) { facts.setWantsToFileComplaint(code); return this; }
  Cases accompaniedBy(String code) { facts.setAccompaniedBy(code); return this; }
  Cases openProceedingsAgainstPerson() { facts.setOpenProceedingsAgainstPerson(true); return this; }
  Cases jurisdiction(String code) { facts.setJurisdiction(code); return this; }
  Cases originRiskFactors(String... codes) { facts.setOriginRiskFactors(Set.of(codes)); return this; }
  Cases returnCountry(String code) { facts.setReturnCountry(code); return this; }

  Cases medicalUrgency(String code) { facts.getNeeds().setMedicalUrgency(code); return this; }
  Cases needsShelter() { facts.getNeeds().setShelter(true); return this; }
  Cases needsDocuments() { facts.getNeeds().setDocuments(true); return this; }

  Cases returnPrepared(boolean bestInterests, boolean family, boolean escort) {
    facts.setBestInterestsDetermined(bestInterests);
    facts.setFamilyAssessed(family);
    facts.setEscortArranged(escort);
    return this;
  }

  /** A paid, consented crossing that ended on arrival. */
  Cases smuggled() {
    crossedBorder();
    facts.getSmuggling().setPaidForIrregularEntry(true);
    facts.getSmuggling().setConsentedToMovement(true);
    facts.getSmuggling().setMovementEndedOnArrival(true);
    return this;
  }

  CaseFacts facts() {
    return facts;
  }

  @Override
  public String toString() {
    return "case";
  }
}
