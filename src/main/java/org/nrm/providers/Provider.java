package org.nrm.providers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A service provider of the directory: who it is, what it gives, where and to whom, its capacity
 * (places free, for a shelter) and how institutions reach it. {@code id}, {@code active},
 * {@code version} and the last change are the directory's; the rest is what coordination edits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provider(
    String id,
    String jurisdiction,
    String name,
    String institution,
    String sector,
    List<String> services,
    List<String> regions,
    Served serves,
    List<String> languages,
    Integer capacity,
    Integer placesFree,
    Contacts contacts,
    Boolean active,
    Integer version,
    Instant updatedAt,
    String updatedBy) {

  /** Whom it serves. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Served(List<String> ageGroups, List<String> sexes, boolean lgbtqi, List<String> indigenousLanguages,
      boolean disabilityAccess) {}

  /**
   * How institutions reach it; given to the persons it serves (on their sheet of services) only
   * when {@code forPersons}: the provider agreed (a shelter's address, for one, stays confidential).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Contacts(String phone, String email, String address, String hours, Boolean forPersons) {

    public boolean givenToPersons() {
      return Boolean.TRUE.equals(forPersons);
    }
  }

  /** The same provider as the directory keeps it after a change. */
  Provider kept(String id, boolean active, int version, Instant at, String by) {
    return new Provider(id, jurisdiction, name, institution, sector, services, regions, serves, languages, capacity, placesFree,
        contacts, active, version, at, by);
  }

  /** What coordination edits, without the directory's own fields: the document stored and kept in the history. */
  Provider edited() {
    return new Provider(null, jurisdiction, name, institution, sector, services, regions, serves, languages, capacity, placesFree,
        contacts, null, null, null, null);
  }
}
