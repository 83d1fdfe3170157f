package org.nrm.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one of the repository's top-level folders ({@code processes/}, {@code forms/},
 * {@code rules/}) as Maven puts them on the classpath, each named by its path in the repository,
 * whatever holds the classpath (a folder, the fat jar, a container).
 */
public final class ClasspathFolder {

  private static final PathMatchingResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver();

  private ClasspathFolder() {}

  /** Resources under the folder matching the Ant-style patterns, by path ({@code forms/x.form}). */
  public static Map<String, Resource> find(String folder, String... patterns) {
    Map<String, Resource> byPath = new TreeMap<>();
    for (String pattern : patterns) {
      try {
        for (Resource resource : RESOLVER.getResources("classpath*:" + folder + "/" + pattern)) {
          String url = resource.getURL().toString();
          byPath.put(url.substring(url.lastIndexOf("/" + folder + "/") + 1), resource);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + folder + "/" + pattern, e);
      }
    }
    return byPath;
  }

  /** The text of the matching files, by path relative to the folder ({@code screening/x.drl}). */
  public static Map<String, String> readTexts(String folder, String... patterns) {
    Map<String, String> texts = new TreeMap<>();
    find(folder, patterns).forEach((path, resource) ->
        texts.put(path.substring(folder.length() + 1), read(resource)));
    return texts;
  }

  private static String read(Resource resource) {
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
