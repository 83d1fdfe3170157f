package org.nrm.rules.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;

/**
 * A rule set uploaded as a ZIP of the {@code rules/} folder: {@code screening/*.drl}, …,
 * {@code deadlines.yml}, with or without the {@code rules/} folder itself at the top. Bounded as a
 * download from anyone would be: the upload's size, the number of entries (folders included) and
 * the size once uncompressed, counted while inflating, so a ZIP bomb stops at the bound.
 */
final class RuleSetArchive {

  static final int MAX_ENTRIES = 500;
  static final long MAX_BYTES = 5 * 1024 * 1024;
  static final String REFUSED = "El ZIP de reglas fue rechazado; las reglas en uso no cambiaron.";

  private RuleSetArchive() {}

  /** The files by path under rules/; a Spanish 400 ({@link ApiException}) when unusable. */
  static Map<String, String> read(byte[] zip) {
    Map<String, String> files = new TreeMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw refused("el ZIP no puede tener más de " + MAX_ENTRIES + " entradas");
        }
        if (entry.isDirectory()) {
          continue;
        }
        String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("^rules/", "");
        if (path.contains("..") || path.startsWith("/") || path.chars().anyMatch(Character::isISOControl)) {
          throw refused("ruta no permitida en el ZIP: " + path.replaceAll("\\p{Cntrl}", "\uFFFD"));
        }
        byte[] content = in.readNBytes((int) (MAX_BYTES - total + 1));
        total += content.length;
        if (total > MAX_BYTES) {
          throw refused("el contenido descomprimido no puede pasar de " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        files.put(path, new String(content, StandardCharsets.UTF_8));
      }
    } catch (IOException | IllegalArgumentException e) {
      // java.util.zip's messages are English and about its internals
      throw refused("el archivo no es un ZIP válido");
    }
    if (files.isEmpty()) {
      throw refused("el cuerpo debe ser un ZIP con la carpeta rules/ (<dominio>/*.drl y deadlines.yml); no contiene archivos");
    }
    return files;
  }

  private static ApiException refused(String reason) {
    return ApiException.badRequest(ApiError.withField(REFUSED, "", reason));
  }
}
