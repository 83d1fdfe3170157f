package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped first-level subdivisions (ISO 3166-2), and the start form's list, which is theirs and not typed by hand. */
class SubdivisionsTest {

  @Test
  void theListIsIsosCurrentOneWithTheNamesInTheCountrysLanguage() {
    assertThat(Subdivisions.name("CR-L")).contains("Limón");
    assertThat(Subdivisions.name("GT-05")).contains("Escuintla");
    assertThat(Subdivisions.name("MX-CMX")).contains("Ciudad de México");
    assertThat(Subdivisions.isFirstLevelOf("GT", "GT-ES")).as("replaced by GT-05 in 2021").isFalse();
    assertThat(Subdivisions.isFirstLevelOf("CR", "GT-05")).isFalse();
    for (String jurisdiction : List.of("CR", "GT", "SV", "HN", "NI", "PA", "MX", "DO", "BZ")) {
      assertThat(Subdivisions.of(jurisdiction)).as(jurisdiction).isNotEmpty()
          .allSatisfy((code, name) -> assertThat(code).startsWith(jurisdiction + "-"));
    }
    assertThat(Subdivisions.of("CR")).hasSize(7);
    assertThat(Subdivisions.of("GT")).hasSize(22);
  }

  @Test
  void theStartFormOffersEverySubdivisionOfTheJurisdictionsItOffers() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", "intake-case.form").toFile());
    JsonNode jurisdictions = component(form, "Field_Jurisdiction").path("values");
    List<String> expected = new ArrayList<>();
    for (JsonNode jurisdiction : jurisdictions) {
      Subdivisions.of(jurisdiction.path("value").asText()).forEach((code, name) ->
          expected.add(jurisdiction.path("label").asText() + " · " + name + " (" + code + ")=" + code));
    }
    List<String> offered = new ArrayList<>();
    component(form, "Field_DetectionSubdivision").path("values").forEach(value ->
        offered.add(value.path("label").asText() + "=" + value.path("value").asText()));

    assertThat(offered).hasSizeGreaterThan(100).containsExactlyElementsOf(expected);
  }

  private static JsonNode component(JsonNode node, String id) {
    if (id.equals(node.path("id").asText())) {
      return node;
    }
    for (JsonNode child : node.path("components")) {
      JsonNode found = component(child, id);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return MissingNode.getInstance();
  }
}
