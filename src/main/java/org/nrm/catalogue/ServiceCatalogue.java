package org.nrm.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nrm.casesummary.FactLabels;
import org.nrm.intake.Subdivisions;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderCodes;
import org.nrm.providers.ProviderDirectory;
import org.springframework.stereotype.Service;

/**
 * The catalogue of services of a jurisdiction for its institutions (OAS plan §110): by first-level
 * region, the active providers that serve it, what they give, to whom, in which languages, places
 * free and how institutions reach them. In Spanish; from the directory as it is now.
 */
@Service
public class ServiceCatalogue {

  private final ProviderDirectory directory;
  private final FactLabels labels = FactLabels.fromIntakeForm();

  ServiceCatalogue(ProviderDirectory directory) {
    this.directory = directory;
  }

  /** The model for the template {@code catalogue/services}. */
  public Map<String, Object> of(String jurisdiction) {
    List<Provider> providers = new ArrayList<>(directory.list(Set.of(jurisdiction), null, false));
    providers.sort(Comparator.comparing(Provider::institution).thenComparing(provider -> provider.name().toLowerCase(Locale.ROOT)));
    List<Map<String, Object>> regions = new ArrayList<>();
    Subdivisions.of(jurisdiction).forEach((code, name) -> {
      List<Map<String, Object>> serving = providers.stream().filter(provider -> provider.regions().contains(code))
          .map(this::described).toList();
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("code", code);
      region.put("name", name);
      region.put("providers", serving);
      region.put("none", serving.isEmpty());
      regions.add(region);
    });
    Map<String, Object> catalogue = new HashMap<>();
    catalogue.put("jurisdiction", jurisdiction);
    catalogue.put("regions", regions);
    catalogue.put("count", providers.size());
    return catalogue;
  }

  private Map<String, Object> described(Provider provider) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("name", provider.name());
    described.put("institution", labels.institution(provider.institution()));
    described.put("sector", ProviderCodes.SECTORS.getOrDefault(provider.sector(), provider.sector()));
    described.put("services", String.join(", ", provider.services().stream().map(ProviderCodes.SERVICES::get).toList()));
    List<String> whom = new ArrayList<>(provider.serves().ageGroups().stream().map(ProviderCodes.AGE_GROUPS::get).toList());
    whom.addAll(provider.serves().sexes().stream().map(ProviderCodes.SEXES::get).toList());
    if (provider.serves().lgbtqi()) {
      whom.add("atención sensible a personas LGBTQI+");
    }
    if (provider.serves().disabilityAccess()) {
      whom.add("acceso para personas con discapacidad");
    }
    described.put("whom", String.join("; ", whom));
    described.put("languages", String.join(", ", provider.languages().stream().map(labels::language).toList()));
    described.put("placesFree", provider.placesFree() == null ? ""
        : provider.placesFree() + " de " + provider.capacity() + " plazas libres");
    Provider.Contacts contacts = provider.contacts();
    described.put("contact", contacts == null ? "" : String.join(" · ", java.util.stream.Stream.of(contacts.phone(), contacts.email(),
        contacts.address(), contacts.hours()).filter(value -> value != null && !value.isBlank()).toList()));
    return described;
  }
}
