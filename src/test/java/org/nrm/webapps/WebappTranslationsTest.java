package org.nrm.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The product's Spanish translation of each Camunda webapp against the webapp's own English locale
 * (in camunda-webapp-webjar 7.24.0): every English key has a Spanish entry, and keeps the English
 * entry's placeholders and HTML tags; the webapp's configuration offers Spanish first and falls back
 * to it.
 */
class WebappTranslationsTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  /** Angular expressions, and the HTML tags the labels use (not texts in angle brackets such as "<Operation>"). */
  private static final Pattern PLACEHOLDER_OR_TAG =
      Pattern.compile("\\{\\{.*?}}|</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasASpanishOneWithTheSamePlaceholders(String app) throws IOException {
    JsonNode english = locale(app, "en").path("labels");
    JsonNode spanish = locale(app, "es").path("labels");

    List<String> missing = new ArrayList<>();
    Map<String, String> broken = new TreeMap<>();
    english.fieldNames().forEachRemaining(key -> {
      JsonNode translation = spanish.get(key);
      if (translation == null || !translation.isTextual() || (translation.asText().isBlank() && !english.get(key).asText().isBlank())) {
        missing.add(key);
      } else if (!tokens(english.get(key).asText()).equals(tokens(translation.asText()))) {
        broken.put(key, translation.asText());
      }
    });

    assertThat(missing).as(app + ": English labels without a Spanish one").isEmpty();
    assertThat(broken).as(app + ": Spanish labels that lose or change a placeholder or tag").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAndRelativeTimesAreInSpanish(String app) throws IOException {
    JsonNode english = locale(app, "en").path("dateLocales");
    JsonNode spanish = locale(app, "es").path("dateLocales");

    assertThat(paths(spanish, "")).as(app + ": the date locale's entries").containsAll(paths(english, ""));
    assertThat(spanish.path("months").get(0).asText()).isEqualTo("enero");
    assertThat(spanish.path("relativeTime").path("future").asText()).isEqualTo("en %s");
    assertThat(spanish.path("relativeTime").path("d").asText()).isEqualTo("un día");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void spanishComesFirstAndIsTheFallback(String app) throws IOException {
    String config = resource(APPS + app + "/scripts/config.js");

    assertThat(config).contains("availableLocales: ['es', 'en']").contains("fallbackLocale: 'es'");
  }

  private static List<String> tokens(String label) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = PLACEHOLDER_OR_TAG.matcher(label);
    while (matcher.find()) {
      tokens.add(matcher.group().replaceAll("\\s+", ""));
    }
    tokens.sort(null);
    return tokens;
  }

  private static List<String> paths(JsonNode node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> paths.addAll(paths(field.getValue(), prefix + "/" + field.getKey())));
    } else if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        paths.addAll(paths(node.get(index), prefix + "/" + index));
      }
    } else {
      paths.add(prefix);
    }
    return paths;
  }

  private static JsonNode locale(String app, String language) throws IOException {
    // the webjar's files begin with a byte order mark
    return JSON.readTree(resource(APPS + app + "/locales/" + language + ".json").replaceFirst("^\uFEFF", ""));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
