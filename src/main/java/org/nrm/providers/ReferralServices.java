package org.nrm.providers;

import java.util.Map;
import java.util.Optional;

/**
 * The service of the directory that a referral to an institution asks of a provider: the rules name
 * the institution (a shelter for safe accommodation, health for medical care…), the provider chosen
 * must give this service. An institution without one here (child protection, police, prosecution,
 * migration…) is referred to as a whole, or to a provider of it that serves the person.
 */
public final class ReferralServices {

  private static final Map<String, String> BY_INSTITUTION = Map.of(
      "shelter", "shelter",
      "health", "medical",
      "legal-aid", "legal",
      "labour", "labour-inclusion",
      "foreign-affairs", "documentation",
      "iom", "family-tracing");

  private ReferralServices() {}

  public static Optional<String> of(String institution) {
    return Optional.ofNullable(BY_INSTITUTION.get(institution));
  }
}
