package org.nrm.catalogue;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contacts a person may call, per jurisdiction, printed on her or his sheet of services
 * ({@code nrm.catalogue.contacts.CR}: emergencies, the hotline against trafficking…).
 */
@ConfigurationProperties("nrm.catalogue")
public record CatalogueProperties(@DefaultValue Map<String, List<Contact>> contacts) {

  /** A number to call: whose, which, when. */
  public record Contact(String name, String phone, String hours) {}

  public List<Contact> of(String jurisdiction) {
    return contacts.getOrDefault(jurisdiction, List.of());
  }
}
