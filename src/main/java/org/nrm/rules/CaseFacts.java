package org.nrm.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the rules know of a case: the intake fields of the data dictionary (never the identity),
 * plus the return-related facts that later steps record. Codes are the data dictionary's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class CaseFacts {

  private String jurisdiction;
  private String detectionChannel;
  private String sex;
  private Integer ageYears;
  private boolean possiblyMinor;
  private String nationality;
  private Set<String> languages = new LinkedHashSet<>();
  private boolean indigenous;
  private boolean disability;
  private boolean pregnant;
  private String accompaniedBy;
  private String migrationStatus;
  private boolean fearOfReturn;
  private Set<String> acts = new LinkedHashSet<>();
  private Set<String> means = new LinkedHashSet<>();
  private Set<String> purposes = new LinkedHashSet<>();
  private boolean crossedBorder;
  private Smuggling smuggling = new Smuggling();
  private Set<String> riskFactors = new LinkedHashSet<>();
  private Needs needs = new Needs();
  private boolean openProceedingsAgainstPerson;
  private String wantsToFileComplaint;
  private String wishesToReturn;
  private boolean bestInterestsDetermined;
  private boolean familyAssessed;
  private boolean escortArranged;
  private String returnCountry;
  private Set<String> originRiskFactors = new LinkedHashSet<>();

  /** True when every purpose is one of the given codes (false when no purpose is known). */
  public boolean purposesOnlyIn(String... codes) {
    return !purposes.isEmpty() && Arrays.asList(codes).containsAll(purposes);
  }

  /** True when any purpose is one of the given codes. */
  public boolean purposesAnyOf(String... codes) {
    return Arrays.stream(codes).anyMatch(purposes::contains);
  }

  /** True when any risk factor is one of the given codes. */
  public boolean riskFactorsAnyOf(String... codes) {
    return Arrays.stream(codes).anyMatch(riskFactors::contains);
  }

  /** True when any risk factor in the country of origin is one of the given codes. */
  public boolean originRiskFactorsAnyOf(String... codes) {
    return Arrays.stream(codes).anyMatch(originRiskFactors::contains);
  }

  /** A national of the jurisdiction that handles the case (no consulate, no repatriation). */
  public boolean isNational() {
    return "national".equals(migrationStatus)
        || (nationality != null && nationality.equals(jurisdiction));
  }

  public boolean isStateless() {
    return "stateless".equals(nationality);
  }

  /** Everything a smuggling of migrants needs: paid, consented, ended on arrival, across a border. */
  public boolean isSmugglingPattern() {
    return crossedBorder && smuggling.isPaidForIrregularEntry() && smuggling.isConsentedToMovement()
        && smuggling.isMovementEndedOnArrival();
  }

  /** Smuggling facts of a border crossing. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Smuggling {
    private boolean paidForIrregularEntry;
    private boolean consentedToMovement;
    private boolean movementEndedOnArrival;

    public boolean isPaidForIrregularEntry() { return paidForIrregularEntry; }
    public void setPaidForIrregularEntry(boolean value) { paidForIrregularEntry = value; }
    public boolean isConsentedToMovement() { return consentedToMovement; }
    public void setConsentedToMovement(boolean value) { consentedToMovement = value; }
    public boolean isMovementEndedOnArrival() { return movementEndedOnArrival; }
    public void setMovementEndedOnArrival(boolean value) { movementEndedOnArrival = value; }
  }

  /** Needs recorded at intake. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Needs {
    private String medicalUrgency = "none";
    private boolean shelter;
    private boolean interpreter;
    private boolean psychological;
    private boolean legal;
    private boolean documents;

    public String getMedicalUrgency() { return medicalUrgency; }
    public void setMedicalUrgency(String value) { medicalUrgency = value == null ? "none" : value; }
    public boolean isShelter() { return shelter; }
    public void setShelter(boolean value) { shelter = value; }
    public boolean isInterpreter() { return interpreter; }
    public void setInterpreter(boolean value) { interpreter = value; }
    public boolean isPsychological() { return psychological; }
    public void setPsychological(boolean value) { psychological = value; }
    public boolean isLegal() { return legal; }
    public void setLegal(boolean value) { legal = value; }
    public boolean isDocuments() { return documents; }
    public void setDocuments(boolean value) { documents = value; }
  }

  public String getJurisdiction() { return jurisdiction; }
  public void setJurisdiction(String value) { jurisdiction = value; }
  public String getDetectionChannel() { return detectionChannel; }
  public void setDetectionChannel(String value) { detectionChannel = value; }
  public String getSex() { return sex; }
  public void setSex(String value) { sex = value; }
  public Integer getAgeYears() { return ageYears; }
  public void setAgeYears(Integer value) { ageYears = value; }
  public boolean isPossiblyMinor() { return possiblyMinor; }
  public void setPossiblyMinor(boolean value) { possiblyMinor = value; }
  public String getNationality() { return nationality; }
  public void setNationality(String value) { nationality = value; }
  public Set<String> getLanguages() { return languages; }
  public void setLanguages(Set<String> value) { languages = nonNull(value); }
  public boolean isIndigenous() { return indigenous; }
  public void setIndigenous(boolean value) { indigenous = value; }
  public boolean isDisability() { return disability; }
  public void setDisability(boolean value) { disability = value; }
  public boolean isPregnant() { return pregnant; }
  public void setPregnant(boolean value) { pregnant = value; }
  public String getAccompaniedBy() { return accompaniedBy; }
  public void setAccompaniedBy(String value) { accompaniedBy = value; }
  public String getMigrationStatus() { return migrationStatus; }
  public void setMigrationStatus(String value) { migrationStatus = value; }
  public boolean isFearOfReturn() { return fearOfReturn; }
  public void setFearOfReturn(boolean value) { fearOfReturn = value; }
  public Set<String> getActs() { return acts; }
  public void setActs(Set<String> value) { acts = nonNull(value); }
  public Set<String> getMeans() { return means; }
  public void setMeans(Set<String> value) { means = nonNull(value); }
  public Set<String> getPurposes() { return purposes; }
  public void setPurposes(Set<String> value) { purposes = nonNull(value); }
  public boolean isCrossedBorder() { return crossedBorder; }
  public void setCrossedBorder(boolean value) { crossedBorder = value; }
  public Smuggling getSmuggling() { return smuggling; }
  public void setSmuggling(Smuggling value) { smuggling = value == null ? new Smuggling() : value; }
  public Set<String> getRiskFactors() { return riskFactors; }
  public void setRiskFactors(Set<String> value) { riskFactors = nonNull(value); }
  public Needs getNeeds() { return needs; }
  public void setNeeds(Needs value) { needs = value == null ? new Needs() : value; }
  public boolean isOpenProceedingsAgainstPerson() { return openProceedingsAgainstPerson; }
  public void setOpenProceedingsAgainstPerson(boolean value) { openProceedingsAgainstPerson = value; }
  public String getWantsToFileComplaint() { return wantsToFileComplaint; }
  public void setWantsToFileComplaint(String value) { wantsToFileComplaint = value; }
  public String getWishesToReturn() { return wishesToReturn; }
  public void setWishesToReturn(String value) { wishesToReturn = value; }
  public boolean isBestInterestsDetermined() { return bestInterestsDetermined; }
  public void setBestInterestsDetermined(boolean value) { bestInterestsDetermined = value; }
  public boolean isFamilyAssessed() { return familyAssessed; }
  public void setFamilyAssessed(boolean value) { familyAssessed = value; }
  public boolean isEscortArranged() { return escortArranged; }
  public void setEscortArranged(boolean value) { escortArranged = value; }
  /** Country code of the country the person returns to. */
  public String getReturnCountry() { return returnCountry; }
  public void setReturnCountry(String value) { returnCountry = value; }
  /** Risks in the country of origin, recorded by the destination institutions when the return is decided. */
  public Set<String> getOriginRiskFactors() { return originRiskFactors; }
  public void setOriginRiskFactors(Set<String> value) { originRiskFactors = nonNull(value); }

  private static Set<String> nonNull(Set<String> value) {
    return value == null ? new LinkedHashSet<>() : new LinkedHashSet<>(value);
  }
}
