package org.nrm.providers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which providers of a service fit a person, best first, and why each other one is not offered:
 * a provider that does not give the service, does not serve the person's age group or sex, lacks
 * the disability access the person needs, or is a full shelter is left out with its reasons in
 * Spanish (nobody is left out for a sex the directory does not list, intersex or unknown: the form
 * asks to confirm with the provider); the others are ranked by the region they serve, a language in common (an indigenous one
 * counts more), LGBTQI+-sensitive care when the person asked for it, and places free. Plain rules on
 * plain records: what the chooser's form shows and what the tests read as tables.
 */
public final class ProviderRanking {

  /** What the ranking knows of the person: the case's codes, never the identity. */
  public record Person(Integer ageYears, boolean treatAsChild, String sex, String region, List<String> languages,
      boolean disability, boolean lgbtqiSensitiveCare) {

    /** The directory's age group: under 12, 12 to 17, adult; a person treated as a child without an age is an adolescent. */
    public String ageGroup() {
      if (ageYears == null) {
        return treatAsChild ? "adolescents" : "adults";
      }
      return ageYears < 12 ? "children" : ageYears < 18 ? "adolescents" : "adults";
    }
  }

  /** A provider offered, its fit and why. */
  public record Fit(Provider provider, int score, List<String> reasons) {}

  /** A provider not offered, and why not. */
  public record Exclusion(Provider provider, List<String> reasons) {}

  public record Ranked(List<Fit> offered, List<Exclusion> notOffered) {}

  static final int REGION = 100;
  static final int INDIGENOUS_LANGUAGE = 40;
  static final int LANGUAGE = 20;
  static final int LGBTQI_CARE = 20;
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private ProviderRanking() {}

  /** Ranks the providers for a person; a null service asks for none in particular (a referral to the institution's providers). */
  public static Ranked rank(List<Provider> providers, String service, Person person) {
    List<Fit> offered = new ArrayList<>();
    List<Exclusion> notOffered = new ArrayList<>();
    for (Provider provider : providers) {
      List<String> exclusions = exclusions(provider, service, person);
      if (exclusions.isEmpty()) {
        offered.add(fit(provider, person));
      } else {
        notOffered.add(new Exclusion(provider, exclusions));
      }
    }
    offered.sort(Comparator.comparingInt(Fit::score).reversed()
        .thenComparing(fit -> -Objects.requireNonNullElse(fit.provider().placesFree(), 0))
        .thenComparing(fit -> fit.provider().name()));
    return new Ranked(List.copyOf(offered), List.copyOf(notOffered));
  }

  private static List<String> exclusions(Provider provider, String service, Person person) {
    List<String> reasons = new ArrayList<>();
    if (!Boolean.TRUE.equals(provider.active())) {
      reasons.add("Desactivado en el directorio.");
    }
    if (service != null && !provider.services().contains(service)) {
      reasons.add("No presta el servicio «" + ProviderCodes.SERVICES.getOrDefault(service, service) + "».");
    }
    Provider.Served served = provider.serves();
    if (!served.ageGroups().contains(person.ageGroup())) {
      reasons.add("No atiende a " + ProviderCodes.AGE_GROUPS.get(person.ageGroup()).toLowerCase(Locale.ROOT) + ".");
    }
    if (ProviderCodes.SEXES.containsKey(person.sex()) && !served.sexes().contains(person.sex())) {
      reasons.add("Atiende sólo a " + String.join(" y ", served.sexes().stream()
          .map(sex -> ProviderCodes.SEXES.get(sex).toLowerCase(Locale.ROOT)).toList()) + ".");
    }
    if (person.disability() && !served.disabilityAccess()) {
      reasons.add("Sin acceso para personas con discapacidad.");
    }
    if ("shelter".equals(service) && provider.placesFree() != null && provider.placesFree() == 0) {
      reasons.add("Albergue lleno: no tiene plazas libres.");
    }
    return reasons;
  }

  /** A language's Spanish name (ISO 639), or its code when Java does not know it. */
  static String language(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(SPANISH);
    return name.isBlank() ? code : name;
  }

  private static Fit fit(Provider provider, Person person) {
    int score = 0;
    List<String> reasons = new ArrayList<>();
    if (person.region() != null && provider.regions().contains(person.region())) {
      score += REGION;
      reasons.add("Atiende la región de la persona (" + person.region() + ").");
    } else {
      reasons.add("No atiende la región de la persona: habrá traslado.");
    }
    List<String> common = person.languages().stream().filter(provider.languages()::contains).toList();
    List<String> indigenous = person.languages().stream().filter(provider.serves().indigenousLanguages()::contains).toList();
    if (!indigenous.isEmpty()) {
      score += INDIGENOUS_LANGUAGE;
      reasons.add("Atiende en " + String.join(", ", indigenous.stream().map(ProviderRanking::language).toList())
          + ", lengua indígena de la persona.");
    }
    if (!common.isEmpty()) {
      score += LANGUAGE;
      reasons.add("Habla " + String.join(", ", common.stream().map(ProviderRanking::language).toList()) + ".");
    } else if (!person.languages().isEmpty()) {
      reasons.add("Sin un idioma en común: pida interpretación.");
    }
    if (person.lgbtqiSensitiveCare() && provider.serves().lgbtqi()) {
      score += LGBTQI_CARE;
      reasons.add("Atención sensible a personas LGBTQI+, como pidió la persona.");
    }
    if (!ProviderCodes.SEXES.containsKey(person.sex()) && provider.serves().sexes().size() < ProviderCodes.SEXES.size()) {
      reasons.add("Atiende sólo a " + ProviderCodes.SEXES.get(provider.serves().sexes().get(0)).toLowerCase(Locale.ROOT)
          + ": confirme con el prestador que atiende a la persona.");
    }
    if (provider.placesFree() != null) {
      reasons.add(provider.placesFree() == 1 ? "1 plaza libre." : provider.placesFree() + " plazas libres.");
    }
    return new Fit(provider, score, List.copyOf(reasons));
  }
}
