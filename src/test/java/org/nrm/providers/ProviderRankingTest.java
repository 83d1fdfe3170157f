package org.nrm.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nrm.providers.ProviderRanking.Person;
import org.nrm.providers.ProviderRanking.Ranked;

/** Who is offered for a service and who is not, and why: the ranking's rules as tables. */
class ProviderRankingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                              | service  | gives           | ages                 | sexes       | access | free | age | sex    | disability | not offered because (empty: offered)
      a shelter for girls, a girl          | shelter  | shelter         | adolescents          | female      | false  | 3    | 15  | female | false      |
      a shelter for girls, a boy           | shelter  | shelter         | adolescents          | female      | false  | 3    | 15  | male   | false      | Atiende sólo a mujeres.
      a shelter for girls, a woman         | shelter  | shelter         | adolescents          | female      | false  | 3    | 31  | female | false      | No atiende a personas adultas.
      a full shelter                       | shelter  | shelter         | adults               | female male | true   | 0    | 31  | female | false      | Albergue lleno: no tiene plazas libres.
      no ramp for a wheelchair             | medical  | medical         | adults               | female male | false  |      | 40  | male   | true       | Sin acceso para personas con discapacidad.
      a psychologist asked for legal aid   | legal    | psychological   | adults               | female male | true   |      | 40  | male   | false      | No presta el servicio «Asesoría y representación legal».
      a child of 8 at an adolescents' home | shelter  | shelter         | adolescents          | female male | true   | 2    | 8   | male   | false      | No atiende a niñas y niños (menores de 12 años).
      an intersex adult, both sexes served | medical  | medical         | adults               | female male | true   |      | 25  | intersex | false    |
      an intersex adult, women only        | medical  | medical         | adults               | female      | true   |      | 25  | intersex | false    |
      """)
  void aProviderIsOfferedUnlessItCannotServeThePerson(String description, String service, String gives, String ages, String sexes,
      boolean access, Integer placesFree, int age, String sex, boolean disability, String because) {
    Provider provider = provider("Prestador", List.of(gives.split(" ")), List.of(ages.split(" ")), List.of(sexes.split(" ")), access,
        placesFree, List.of("CR-L"), List.of("es"), List.of(), false);
    Person person = new Person(age, age < 18, sex, "CR-L", List.of("es"), disability, false);

    Ranked ranked = ProviderRanking.rank(List.of(provider), service, person);

    if (because == null) {
      assertThat(ranked.offered()).as(description).hasSize(1);
      if (sex.equals("intersex") && !sexes.contains("male")) {
        assertThat(ranked.offered().get(0).reasons()).contains("Atiende sólo a mujeres: confirme con el prestador que atiende a la persona.");
      }
      assertThat(ranked.notOffered()).isEmpty();
    } else {
      assertThat(ranked.offered()).as(description).isEmpty();
      assertThat(ranked.notOffered()).singleElement().satisfies(left -> assertThat(left.reasons()).containsExactly(because));
    }
  }

  @Test
  void theProvidersOfThePersonsRegionAndLanguageComeFirstAndTheFormSaysWhy() {
    Provider near = provider("Cerca sin idioma", List.of("psychological"), List.of("adults"), List.of("female"), false, null,
        List.of("GT-14"), List.of("es"), List.of(), false);
    Provider nearInKiche = provider("Cerca en k'iche'", List.of("psychological"), List.of("adults"), List.of("female"), false, null,
        List.of("GT-14"), List.of("es", "quc"), List.of("quc"), true);
    Provider far = provider("Lejos", List.of("psychological"), List.of("adults"), List.of("female"), false, null,
        List.of("GT-01"), List.of("es", "quc"), List.of("quc"), true);
    Person person = new Person(34, false, "female", "GT-14", List.of("quc"), false, true);

    Ranked ranked = ProviderRanking.rank(List.of(far, near, nearInKiche), "psychological", person);

    assertThat(ranked.offered()).extracting(fit -> fit.provider().name()).containsExactly("Cerca en k'iche'", "Cerca sin idioma", "Lejos");
    assertThat(ranked.offered().get(0).reasons()).containsExactly("Atiende la región de la persona (GT-14).",
        "Atiende en quiché, lengua indígena de la persona.", "Habla quiché.", "Atención sensible a personas LGBTQI+, como pidió la persona.");
    assertThat(ranked.offered().get(1).reasons()).contains("Sin un idioma en común: pida interpretación.");
    assertThat(ranked.offered().get(2).reasons()).contains("No atiende la región de la persona: habrá traslado.");
  }

  @Test
  void amongSheltersAsFitOnesTheOneWithMorePlacesFreeComesFirst() {
    Provider few = provider("Pocas plazas", List.of("shelter"), List.of("adults"), List.of("female"), false, 1, List.of("CR-SJ"),
        List.of("es"), List.of(), false);
    Provider many = provider("Muchas plazas", List.of("shelter"), List.of("adults"), List.of("female"), false, 6, List.of("CR-SJ"),
        List.of("es"), List.of(), false);

    Ranked ranked = ProviderRanking.rank(List.of(few, many), "shelter", new Person(28, false, "female", "CR-SJ", List.of("es"), false,
        false));

    assertThat(ranked.offered()).extracting(fit -> fit.provider().name()).containsExactly("Muchas plazas", "Pocas plazas");
  }

  private static Provider provider(String name, List<String> services, List<String> ages, List<String> sexes, boolean access,
      Integer placesFree, List<String> regions, List<String> languages, List<String> indigenous, boolean lgbtqi) {
    return new Provider("id-" + name, "CR", name, "shelter", "ngo", services, regions,
        new Provider.Served(ages, sexes, lgbtqi, indigenous, access), languages, placesFree == null ? null : 10, placesFree,
        new Provider.Contacts("+506 2000 0000", null, null, null, null), true, 1, null, null);
  }
}
