package org.nrm.intake;

import java.util.List;
import java.util.Set;

/** The value sets of the intake fields (shared/data-dictionary.md). */
final class DataDictionary {

  static final List<String> JURISDICTIONS = List.of("CR", "GT", "SV", "HN", "NI", "PA", "MX", "DO", "BZ");
  static final List<String> DETECTION_CHANNELS = List.of("hotline", "police-operation", "labour-inspection",
      "border-control", "health-service", "ngo-outreach", "self-referral", "consulate", "other");
  static final List<String> SEXES = List.of("female", "male", "intersex", "unknown");
  static final List<String> ACCOMPANIED_BY = List.of("parent", "guardian", "unrelated-adult", "none");
  static final List<String> MIGRATION_STATUSES = List.of("national", "regular", "irregular", "asylum-seeker",
      "refugee", "unknown");
  static final List<String> ACTS = List.of("recruitment", "transportation", "transfer", "harbouring", "receipt");
  static final List<String> MEANS = List.of("threat", "force", "coercion", "abduction", "fraud", "deception",
      "abuse-of-power", "abuse-of-vulnerability", "payments");
  static final List<String> PURPOSES = List.of("sexual-exploitation", "forced-labour", "servitude", "slavery",
      "organ-removal", "forced-begging", "forced-marriage", "forced-criminality", "illegal-adoption",
      "other-exploitation");
  static final List<String> RISK_FACTORS = List.of("threats-received", "trafficker-knows-location", "family-involved",
      "debt-bondage", "documents-retained", "trafficker-at-large", "previous-victimisation", "substance-dependency");
  static final List<String> MEDICAL_URGENCIES = List.of("none", "non-urgent", "urgent", "emergency");
  static final List<String> CHOICES = List.of("yes", "no", "undecided");
  static final Set<String> NATIONALITY_WORDS = Set.of("stateless", "unknown");
  static final List<String> SMUGGLING_FIELDS = List.of("paidForIrregularEntry", "consentedToMovement",
      "movementEndedOnArrival");
  static final List<String> NEEDS_FLAGS = List.of("shelter", "interpreter", "psychological", "legal", "documents");
  static final List<String> IDENTITY_FIELDS = List.of("givenNames", "familyNames", "birthDate", "documentType",
      "documentNumber", "phone", "address", "currentLocation");

  private DataDictionary() {}
}
