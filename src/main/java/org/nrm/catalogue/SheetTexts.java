package org.nrm.catalogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words of the person's sheet in each language it is written in ({@code catalogue/sheet_<ISO
 * 639>.properties}, written here, Spanish and English at least): a language is offered when its
 * file exists and has every text the Spanish one has.
 */
@Component
public class SheetTexts {

  static final String SPANISH = "es";
  private static final Pattern FILE = Pattern.compile("sheet_([a-z]{2,3})\\.properties$");

  private final Map<String, Map<String, String>> byLanguage = new TreeMap<>();

  SheetTexts() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:catalogue/sheet_*.properties")) {
        Matcher language = FILE.matcher(resource.getFilename() == null ? "" : resource.getFilename());
        if (language.matches()) {
          byLanguage.put(language.group(1), read(resource));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> spanish = byLanguage.get(SPANISH);
    if (spanish == null) {
      throw new IllegalStateException("catalogue/sheet_es.properties is missing");
    }
    byLanguage.values().removeIf(texts -> !texts.keySet().containsAll(spanish.keySet()));
  }

  /** The languages the sheet is written in, code to the language's own name. */
  public Map<String, String> languages() {
    Map<String, String> names = new LinkedHashMap<>();
    byLanguage.forEach((code, texts) -> names.put(code, texts.get("language.name")));
    return names;
  }

  public boolean has(String language) {
    return byLanguage.containsKey(language);
  }

  /** The texts in the language, keyed as the templates read them ({@code rights.1} as {@code rights_1}). */
  Map<String, String> of(String language) {
    Map<String, String> texts = new LinkedHashMap<>();
    byLanguage.get(language).forEach((key, text) -> texts.put(key.replace('.', '_').replace('-', '_'), text));
    return texts;
  }

  String text(String language, String key) {
    return byLanguage.get(language).getOrDefault(key, key);
  }

  private static Map<String, String> read(Resource resource) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> texts = new TreeMap<>();
    properties.forEach((key, text) -> texts.put(key.toString(), text.toString()));
    return texts;
  }
}
