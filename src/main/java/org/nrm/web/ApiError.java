package org.nrm.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every refused or failed API request, in Spanish: what happened ({@code error}), the
 * error of each field ({@code fields}), other details ({@code details}, e.g. a compiler's
 * messages) and, for an unexpected server error, the {@code reference} under which it was logged.
 * Empty parts are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, List<Field> fields, List<String> details, String reference) {

  /** The error of one field, by its JSON path ({@code needs.medicalUrgency}, {@code acts[1]}); "" is the body. */
  public record Field(String field, String message) {}

  public static ApiError of(String error) {
    return new ApiError(error, List.of(), List.of(), null);
  }

  public static ApiError withDetails(String error, List<String> details) {
    return new ApiError(error, List.of(), List.copyOf(details), null);
  }

  public static ApiError withFields(String error, List<Field> fields) {
    return new ApiError(error, List.copyOf(fields), List.of(), null);
  }

  public static ApiError withField(String error, String field, String message) {
    return withFields(error, List.of(new Field(field, message)));
  }

  static ApiError unexpected(String reference) {
    return new ApiError("Error inesperado del servidor; la operación no se completó. Si se repite, comunique la referencia "
        + reference + " al equipo técnico.", List.of(), List.of(), reference);
  }
}
