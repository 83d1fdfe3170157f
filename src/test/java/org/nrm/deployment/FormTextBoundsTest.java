package org.nrm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nrm.intake.IntakeSchema;

/**
 * Every text field and text area of every form has a maxLength the engine can store (a String
 * variable is a varchar(4000)), and the intake form's are the intake schema's.
 */
class FormTextBoundsTest {

  private static final int ENGINE_STRING_LENGTH = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A text component: its form, its key as the intake names fields, its maxLength (null when none). */
  record Text(String form, String field, JsonNode maxLength) {}

  @Test
  void everyTextOfEveryFormHasABoundTheEngineCanStore() throws Exception {
    List<Text> texts = texts();

    assertThat(texts).hasSizeGreaterThan(50);
    assertThat(texts).allSatisfy(text -> {
      assertThat(text.maxLength()).as(text.form() + " " + text.field() + " has validate.maxLength").isNotNull();
      assertThat(text.maxLength().asInt()).as(text.form() + " " + text.field()).isBetween(1, ENGINE_STRING_LENGTH);
    });
  }

  @Test
  void theIntakeFormsBoundsAreTheIntakeSchemas() throws Exception {
    List<Text> intake = texts().stream().filter(text -> text.form().equals("intake-case.form")).toList();

    assertThat(intake).extracting(Text::field).contains("genderIdentity", "detectionPlace.region", "identity.givenNames");
    assertThat(intake).allSatisfy(text -> assertThat(text.maxLength().asInt()).as(text.field())
        .isEqualTo(schemaOf(text.field()).path("maxLength").asInt(-1)));
  }

  @Test
  void identityFieldsHaveTheIntakeSchemasBoundsInEveryForm() throws Exception {
    assertThat(texts().stream().filter(text -> text.field().startsWith("identity."))).allSatisfy(text ->
        assertThat(text.maxLength().asInt()).as(text.form() + " " + text.field())
            .isEqualTo(schemaOf(text.field()).path("maxLength").asInt(-1)));
  }

  private static JsonNode schemaOf(String field) {
    JsonNode schema = IntakeSchema.document();
    for (String name : field.split("\\.")) {
      schema = schema.path("properties").path(name);
    }
    return schema;
  }

  private static List<Text> texts() throws Exception {
    List<Text> texts = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        collect(JSON.readTree(form.toFile()).path("components"), form.getFileName().toString(), "", texts);
      }
    }
    return texts;
  }

  private static void collect(JsonNode components, String form, String path, List<Text> texts) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (type.equals("textfield") || type.equals("textarea")) {
        String key = component.path("key").asText();
        // identity_<field> of a form is the intake's identity.<field>
        String field = key.startsWith("identity_") ? "identity." + key.substring("identity_".length()) : path + key;
        texts.add(new Text(form, field, component.at("/validate/maxLength").isMissingNode() ? null : component.at("/validate/maxLength")));
      }
      String groupPath = component.path("path").asText("");
      collect(component.path("components"), form, groupPath.isEmpty() ? path : path + groupPath + ".", texts);
    }
  }
}
