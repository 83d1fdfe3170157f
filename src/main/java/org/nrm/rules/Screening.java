package org.nrm.rules;

/** Decisions of the screening domain: classification, child route, offence code. */
public class Screening {

  private String classification;
  private boolean treatAsChild;
  private String iccsCode;

  public Screening() {}

  public Screening(String classification, boolean treatAsChild, String iccsCode) {
    this.classification = classification;
    this.treatAsChild = treatAsChild;
    this.iccsCode = iccsCode;
  }

  public String getClassification() { return classification; }
  public void setClassification(String value) { classification = value; }
  public boolean isTreatAsChild() { return treatAsChild; }
  public void setTreatAsChild(boolean value) { treatAsChild = value; }
  public String getIccsCode() { return iccsCode; }
  public void setIccsCode(String value) { iccsCode = value; }
}
