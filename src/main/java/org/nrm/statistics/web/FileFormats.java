package org.nrm.statistics.web;

import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The formats of a statistics answer: JSON by default, CSV, and an Excel workbook where a table is for people. */
final class FileFormats {

  static final String JSON = MediaType.APPLICATION_JSON_VALUE;
  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private FileFormats() {}

  /** {@code format=csv|xlsx|json} first (a link in a browser cannot set Accept), then the Accept header. */
  static String of(String format, String accept, boolean workbooks) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip()) {
        case "csv" -> CSV;
        case "xlsx" -> {
          if (!workbooks) {
            throw invalid(format, "json o csv");
          }
          yield XLSX;
        }
        case "json" -> JSON;
        default -> throw invalid(format, workbooks ? "json, csv o xlsx" : "json o csv");
      };
    }
    String header = accept == null ? "" : accept;
    if (workbooks && header.contains(XLSX)) {
      return XLSX;
    }
    return header.contains(CSV) && !header.contains(JSON) ? CSV : JSON;
  }

  static String describe(String format) {
    return format == null ? "" : "&format=" + format;
  }

  static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, CSV.equals(type) ? type + ";charset=UTF-8" : type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
  }

  private static ApiException invalid(String format, String accepted) {
    return ApiException.badRequest(ApiError.withField("La consulta de estadísticas no es válida.", "format",
        "«" + format + "» no es un formato de esta respuesta: use " + accepted + "."));
  }
}
