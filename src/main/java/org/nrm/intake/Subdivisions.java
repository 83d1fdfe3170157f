package org.nrm.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first-level subdivisions of every country (ISO 3166-2) that the product ships,
 * {@code codes/iso-3166-2-first-level.json}, generated from a maintained package (see
 * {@code src/build/iso-3166-2/generate.mjs}), never typed by hand. The place of detection names
 * one of its country's: {@code CR-L} (Limón) in Costa Rica, {@code GT-05} (Escuintla) in Guatemala.
 */
public final class Subdivisions {

  private static final String RESOURCE = "codes/iso-3166-2-first-level.json";
  private static final Map<String, Map<String, String>> BY_COUNTRY = load();

  private Subdivisions() {}

  /** Whether the code is a first-level subdivision of the country. */
  public static boolean isFirstLevelOf(String country, String code) {
    return BY_COUNTRY.getOrDefault(country, Map.of()).containsKey(code);
  }

  /** The subdivision's name as the ISO list gives it (in the country's language). */
  public static Optional<String> name(String code) {
    return code == null || code.length() < 2 ? Optional.empty()
        : Optional.ofNullable(BY_COUNTRY.getOrDefault(code.substring(0, 2), Map.of()).get(code));
  }

  /** A country's first-level subdivisions, code to name, in the order of their codes. */
  public static Map<String, String> of(String country) {
    return BY_COUNTRY.getOrDefault(country, Map.of());
  }

  private static Map<String, Map<String, String>> load() {
    try (InputStream list = Subdivisions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (list == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      Map<String, Map<String, String>> byCountry = new LinkedHashMap<>();
      new ObjectMapper().readTree(list).path("subdivisions").fields().forEachRemaining(country -> {
        Map<String, String> subdivisions = new LinkedHashMap<>();
        for (JsonNode subdivision : country.getValue()) {
          subdivisions.put(subdivision.path("code").asText(), subdivision.path("name").asText());
        }
        byCountry.put(country.getKey(), Collections.unmodifiableMap(subdivisions));
      });
      return Collections.unmodifiableMap(byCountry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
