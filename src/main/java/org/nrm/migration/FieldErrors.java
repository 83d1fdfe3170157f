package org.nrm.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrm.web.ApiError;

/** The errors of a request's fields, each field at most once, in the order found; {@link #under} a path for nested fields. */
final class FieldErrors {

  private final Map<String, String> errors;
  private final String prefix;

  FieldErrors() {
    this(new LinkedHashMap<>(), "");
  }

  private FieldErrors(Map<String, String> errors, String prefix) {
    this.errors = errors;
    this.prefix = prefix;
  }

  FieldErrors under(String path) {
    return new FieldErrors(errors, path);
  }

  void add(String field, String message) {
    errors.putIfAbsent(prefix + field, message);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  List<ApiError.Field> list() {
    return errors.entrySet().stream().map(error -> new ApiError.Field(error.getKey(), error.getValue())).toList();
  }
}
