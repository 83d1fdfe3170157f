package org.nrm.rules.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A rule set uploaded as a ZIP of the {@code rules/} folder: {@code screening/*.drl}, …,
 * {@code deadlines.yml}, with or without the {@code rules/} folder itself at the top.
 */
final class RuleSetArchive {

  static final int MAX_FILES = 500;
  static final long MAX_BYTES = 5 * 1024 * 1024;

  private RuleSetArchive() {}

  /** The files by path under rules/; a Spanish {@link IllegalArgumentException} when unusable. */
  static Map<String, String> read(byte[] zip) {
    Map<String, String> files = new TreeMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.isDirectory()) {
          continue;
        }
        String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("^rules/", "");
        if (path.contains("..") || path.startsWith("/")) {
          throw new IllegalArgumentException("Ruta no permitida en el ZIP: " + entry.getName());
        }
        byte[] content = in.readNBytes((int) (MAX_BYTES - total + 1));
        total += content.length;
        if (total > MAX_BYTES || files.size() >= MAX_FILES) {
          throw new IllegalArgumentException("El ZIP supera el límite de " + MAX_FILES + " archivos o 5 MB");
        }
        files.put(path, new String(content, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("El archivo no es un ZIP válido: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "El cuerpo debe ser un ZIP con la carpeta rules/ (<dominio>/*.drl y deadlines.yml); no contiene archivos");
    }
    return files;
  }
}
