package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nrm.intake.IntakeValidator.FieldError;

/** The intake's checks without the product: the schema's bounds, Spanish messages, normalisation. */
class IntakeValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void aValidIntakeIsNormalisedWithTheSchemasDefaults() throws Exception {
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();

    assertThat(validate(minimal(), normalised)).isEmpty();

    assertThat(normalised.get("detectedAt").asText()).isEqualTo("2026-11-20T10:30-06:00");
    assertThat(normalised.get("ageYears").isNull()).isTrue();
    assertThat(normalised.get("possiblyMinor").asBoolean()).isFalse();
    assertThat(normalised.get("languages")).isEmpty();
    assertThat(normalised.get("wishesToReturn").asText()).isEqualTo("undecided");
    assertThat(normalised.get("wantsToFileComplaint").asText()).isEqualTo("undecided");
    assertThat(normalised.get("needs").toString()).isEqualTo(
        "{\"medicalUrgency\":\"none\",\"shelter\":false,\"interpreter\":false,\"psychological\":false,\"legal\":false,\"documents\":false}");
    assertThat(normalised.get("smuggling").toString()).isEqualTo(
        "{\"paidForIrregularEntry\":false,\"consentedToMovement\":false,\"movementEndedOnArrival\":false}");
    assertThat(normalised.has("identity")).isFalse();
    assertThat(normalised.has("genderIdentity")).isFalse();
  }

  @Test
  void aNullIsTakenAsAnAbsentField() throws Exception {
    ObjectNode intake = minimal();
    intake.putNull("genderIdentity");
    intake.putNull("ageYears");
    intake.putNull("languages");
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();

    assertThat(validate(intake, normalised)).isEmpty();
    assertThat(normalised.has("genderIdentity")).isFalse();
    assertThat(normalised.get("languages")).isEmpty();
  }

  @Test
  void anAgeSentAsAWholeDecimalIsAnInteger() throws Exception {
    ObjectNode intake = minimal();
    intake.put("ageYears", 15.0);
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();

    assertThat(validate(intake, normalised)).isEmpty();
    assertThat(normalised.get("ageYears").isInt()).isTrue();
    assertThat(normalised.get("ageYears").asInt()).isEqualTo(15);
  }

  @Test
  void missingRequiredFieldsAreNamedWithTheirCodes() {
    Map<String, String> errors = errors(JsonNodeFactory.instance.objectNode());

    assertThat(errors.keySet()).containsExactlyInAnyOrder("jurisdiction", "detectedAt", "detectionChannel", "detectionPlace",
        "sex", "nationality", "migrationStatus");
    assertThat(errors.get("sex")).isEqualTo("es obligatorio; valores: female, male, intersex, unknown");
    assertThat(errors.get("detectionPlace")).isEqualTo("es obligatorio (país y región)");
    assertThat(errors.get("detectedAt")).isEqualTo("es obligatorio");
  }

  @Test
  void unknownCodesAreRefusedWithTheValidValues() throws Exception {
    ObjectNode intake = minimal();
    intake.putArray("acts").add("recruitment").add("kidnapping");
    intake.with("needs").put("medicalUrgency", "critical");

    Map<String, String> errors = errors(intake);

    assertThat(errors).containsEntry("acts[1]",
        "«kidnapping» no es un código válido; valores: recruitment, transportation, transfer, harbouring, receipt");
    assertThat(errors).containsEntry("needs.medicalUrgency",
        "«critical» no es un código válido; valores: none, non-urgent, urgent, emergency");
  }

  @Test
  void aDuplicateInAListIsRefused() throws Exception {
    ObjectNode intake = minimal();
    intake.putArray("languages").add("es").add("miskito".substring(0, 2)).add("es");

    assertThat(errors(intake)).containsExactly(Map.entry("languages", "no puede repetir elementos: «es» aparece más de una vez"));
  }

  @Test
  void aListLongerThanItsBoundIsRefusedAsAWhole() throws Exception {
    ObjectNode intake = minimal();
    ArrayNode languages = intake.putArray("languages");
    for (int i = 0; i < 200_000; i++) {
      languages.add("xx" + i);
    }

    Map<String, String> errors = errors(intake);

    assertThat(errors).containsEntry("languages", "no puede tener más de 20 elementos").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void textsRefuseControlCharactersAndLoneSurrogatesButNotEmoji() throws Exception {
    ObjectNode intake = minimal();
    intake.put("genderIdentity", "mujer trans \uD83C\uDFF3\uFE0F\u200D\u26A7\uFE0F");
    ((ObjectNode) intake.get("detectionPlace")).put("region", "Lim\u0000ón \uD800");
    intake.putObject("identity").put("givenNames", "Ana\nMaría").put("address", "Calle 1\u0085");

    Map<String, String> errors = errors(intake);

    assertThat(errors.keySet()).containsExactlyInAnyOrder("detectionPlace.region", "identity.givenNames", "identity.address");
    assertThat(errors.get("detectionPlace.region")).startsWith("contiene caracteres no permitidos");
  }

  @Test
  void textsHaveTheirBounds() throws Exception {
    ObjectNode intake = minimal();
    intake.put("genderIdentity", "x".repeat(5_000_000));
    intake.putObject("identity").put("familyNames", "y".repeat(201));

    assertThat(errors(intake)).containsOnly(Map.entry("genderIdentity", "no puede tener más de 200 caracteres"),
        Map.entry("identity.familyNames", "no puede tener más de 200 caracteres"));
  }

  @Test
  void codesWithATrailingLineBreakAreRefused() throws Exception {
    ObjectNode intake = minimal();
    intake.put("nationality", "NI\n");
    intake.put("detectedAt", "2026-11-20T10:30-06:00\n");
    ((ObjectNode) intake.get("detectionPlace")).put("country", "CR\n");

    assertThat(errors(intake).keySet()).containsExactlyInAnyOrder("nationality", "detectedAt", "detectionPlace.country");
  }

  @Test
  void hugeNumbersAreRefusedNotOverflowed() throws Exception {
    ObjectNode intake = (ObjectNode) JSON.readTree(minimal().toString()
        .replaceFirst("\\{", "{\"ageYears\": 12345678901234567890,")
        .replace("\"region\":\"Limón\"", "\"region\":\"Limón\",\"lat\":1e400,\"lon\":-1e400"));

    assertThat(errors(intake)).containsOnly(Map.entry("ageYears", "debe ser un número entero entre 0 y 120"),
        Map.entry("detectionPlace.lat", "debe ser un número entre -90 y 90"),
        Map.entry("detectionPlace.lon", "debe ser un número entre -180 y 180"));
  }

  @Test
  void wrongTypesAreSaidInSpanish() throws Exception {
    ObjectNode intake = minimal();
    intake.put("possiblyMinor", "sí");
    intake.put("languages", "es");
    intake.put("needs", true);
    intake.put("genderIdentity", 3);

    assertThat(errors(intake)).containsOnly(Map.entry("possiblyMinor", "debe ser true o false"),
        Map.entry("languages", "debe ser una lista"), Map.entry("needs", "debe ser un objeto"),
        Map.entry("genderIdentity", "debe ser texto"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() throws Exception {
    assertThat(errors(JSON.readTree("[1, 2]")))
        .containsOnly(Map.entry("", "el cuerpo debe ser un objeto JSON con los campos de la entrevista"));
    assertThat(errors(JSON.readTree("\"CR\""))).containsOnlyKeys("");
  }

  @Test
  void onlyChildrenAreAccompanied() throws Exception {
    ObjectNode adult = minimal();
    adult.put("ageYears", 30);
    adult.put("accompaniedBy", "parent");
    ObjectNode presumedChild = adult.deepCopy();
    presumedChild.put("possiblyMinor", true);

    assertThat(errors(adult)).containsOnly(Map.entry("accompaniedBy", "sólo se registra para niñas, niños y adolescentes"));
    assertThat(errors(presumedChild)).isEmpty();
  }

  @Test
  void theJurisdictionIsServedHereAndTheCallersOwn() throws Exception {
    ObjectNode intake = minimal();
    intake.put("jurisdiction", "GT");

    assertThat(IntakeValidator.validate(intake, List.of("CR"), List.of(), NOW, JsonNodeFactory.instance.objectNode()))
        .extracting(FieldError::message).containsExactly("«GT» no es atendida por esta instalación (jurisdicciones: CR)");
    assertThat(IntakeValidator.validate(intake, List.of("CR", "GT"), List.of("CR"), NOW, JsonNodeFactory.instance.objectNode()))
        .extracting(FieldError::message).containsExactly("No pertenece a esta jurisdicción: sólo puede abrir casos de CR");
  }

  @Test
  void aDetectionIsARealInstantNotInTheFuture() throws Exception {
    ObjectNode impossible = minimal();
    impossible.put("detectedAt", "2026-02-30T10:00:00Z");
    ObjectNode future = minimal();
    future.put("detectedAt", "2026-12-02T10:00:00Z");

    assertThat(errors(impossible).get("detectedAt")).startsWith("no es una fecha y hora real");
    assertThat(errors(future)).containsOnly(Map.entry("detectedAt", "no puede estar en el futuro"));
  }

  @Test
  void aFloodOfErrorsIsSummedUp() throws Exception {
    ObjectNode intake = minimal();
    for (int i = 0; i < 100; i++) {
      intake.put("unknown" + i, i);
    }

    List<FieldError> errors = validate(intake, JsonNodeFactory.instance.objectNode());

    assertThat(errors).hasSize(IntakeValidator.MAX_ERRORS + 1);
    assertThat(errors.get(IntakeValidator.MAX_ERRORS).message()).isEqualTo("y 50 errores más");
  }

  @Test
  void echoedValuesAreShortAndClean() {
    assertThat(SchemaMessages.echo("a\u0000b\uD800")).isEqualTo("a\uFFFDb\uFFFD");
    assertThat(SchemaMessages.echo("x".repeat(1000))).hasSize(41).endsWith("…");
  }

  @Test
  void thePlaceOfDetectionNamesAFirstLevelSubdivisionOfItsCountry() throws Exception {
    ObjectNode limon = minimal();
    ((ObjectNode) limon.get("detectionPlace")).put("subdivision", "CR-L");
    ObjectNode normalised = JSON.createObjectNode();
    assertThat(validate(limon, normalised)).isEmpty();
    assertThat(normalised.at("/detectionPlace/subdivision").asText()).isEqualTo("CR-L");

    ObjectNode escuintlaInCostaRica = minimal();
    ((ObjectNode) escuintlaInCostaRica.get("detectionPlace")).put("subdivision", "GT-05");
    assertThat(validate(escuintlaInCostaRica, JSON.createObjectNode())).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("detectionPlace.subdivision");
      assertThat(error.message()).startsWith("«GT-05» no es una subdivisión de primer nivel de CR (ISO 3166-2); por ejemplo CR-A (Alajuela)");
    });

    ObjectNode escuintla = minimal();
    ((ObjectNode) escuintla.get("detectionPlace")).put("country", "GT").put("subdivision", "GT-05");
    assertThat(validate(escuintla, JSON.createObjectNode())).isEmpty();
    ((ObjectNode) escuintla.get("detectionPlace")).put("subdivision", "GT-ES");
    assertThat(validate(escuintla, JSON.createObjectNode())).as("Guatemala's letter codes before 2021").extracting(FieldError::field)
        .containsExactly("detectionPlace.subdivision");
    ((ObjectNode) escuintla.get("detectionPlace")).put("subdivision", "gt-05");
    assertThat(validate(escuintla, JSON.createObjectNode())).extracting(FieldError::field).containsExactly("detectionPlace.subdivision");
  }

  static ObjectNode minimal() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30-06:00", "detectionChannel": "hotline",
         "detectionPlace": {"country": "CR", "region": "Limón"}, "sex": "female", "nationality": "NI",
         "migrationStatus": "irregular"}
        """);
  }

  private static List<FieldError> validate(JsonNode intake, ObjectNode normalised) {
    return IntakeValidator.validate(intake, List.of("CR", "GT"), List.of(), NOW, normalised);
  }

  private static Map<String, String> errors(JsonNode intake) {
    return validate(intake, JsonNodeFactory.instance.objectNode()).stream()
        .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
