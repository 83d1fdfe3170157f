package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nrm.benchmark.IntakeGenerator;

/** The benchmark's generated intakes are ones the product accepts, and they use the whole data dictionary. */
class GeneratedIntakesTest {

  static final List<String> SERVED = List.of("CR", "GT");
  static final int CASES = 5_000;

  final List<JsonNode> intakes = generate();

  @Test
  void everyGeneratedIntakeIsAccepted() {
    for (JsonNode intake : intakes) {
      List<IntakeValidator.FieldError> errors = IntakeValidator.validate(intake, SERVED, List.of(intake.get("jurisdiction").asText()),
          Clock.systemUTC(), JsonNodeFactory.instance.objectNode());

      assertThat(errors).as(intake.toString()).isEmpty();
    }
  }

  @Test
  void everyCodeOfTheDataDictionaryOccurs() {
    for (String field : List.of("detectionChannel", "sex", "accompaniedBy", "migrationStatus", "wantsToFileComplaint",
        "wishesToReturn")) {
      assertThat(values(field)).as(field).containsAll(codes("/properties/" + field + "/enum"));
    }
    for (String list : List.of("acts", "means", "purposes", "riskFactors")) {
      assertThat(values(list)).as(list).containsAll(codes("/properties/" + list + "/items/enum"));
    }
    assertThat(values("needs", "medicalUrgency")).containsAll(codes("/properties/needs/properties/medicalUrgency/enum"));
    assertThat(values("nationality")).contains("stateless", "unknown", "CR", "GT", "NI");
    assertThat(values("jurisdiction")).containsExactlyInAnyOrderElementsOf(SERVED);
  }

  /** The codes the intake's schema accepts at a JSON pointer. */
  private static List<String> codes(String pointer) {
    List<String> codes = new ArrayList<>();
    IntakeSchema.at(pointer).forEach(code -> codes.add(code.asText()));
    assertThat(codes).as(pointer).isNotEmpty();
    return codes;
  }

  @Test
  void childrenAdultsAndUnknownAgesAreAllThere() {
    Set<String> groups = new HashSet<>();
    for (JsonNode intake : intakes) {
      JsonNode age = intake.get("ageYears");
      groups.add(age == null ? "unknown" : age.asInt() < 12 ? "0-11" : age.asInt() < 18 ? "12-17" : age.asInt() < 25 ? "18-24"
          : age.asInt() < 60 ? "25-59" : "60+");
    }

    assertThat(groups).containsExactlyInAnyOrder("0-11", "12-17", "18-24", "25-59", "60+", "unknown");
  }

  private Set<String> values(String... path) {
    Set<String> seen = new HashSet<>();
    for (JsonNode intake : intakes) {
      JsonNode node = intake;
      for (String step : path) {
        node = node.path(step);
      }
      if (node.isArray()) {
        node.forEach(code -> seen.add(code.asText()));
      } else if (!node.isMissingNode()) {
        seen.add(node.asText());
      }
    }
    return seen;
  }

  private static List<JsonNode> generate() {
    IntakeGenerator generator = new IntakeGenerator(7, Map.of("CR", 70, "GT", 30));
    List<JsonNode> intakes = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      ObjectNode intake = generator.next(Instant.now());
      intakes.add(intake);
    }
    return intakes;
  }
}
