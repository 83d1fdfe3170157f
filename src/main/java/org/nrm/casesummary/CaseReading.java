package org.nrm.casesummary;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One summary being written: the case it reads, the words it uses, and the rows written so far. */
final class CaseReading {

  static final String UNKNOWN = "No consta";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"));

  private final CaseScope scope;
  private final FactLabels labels;
  private final ZoneId zone;
  private final List<SummaryRow> rows = new ArrayList<>();

  CaseReading(CaseScope scope, FactLabels labels, ZoneId zone) {
    this.scope = scope;
    this.labels = labels;
    this.zone = zone;
  }

  CaseScope scope() {
    return scope;
  }

  FactLabels labels() {
    return labels;
  }

  List<SummaryRow> rows() {
    return List.copyOf(rows);
  }

  void row(String fact, String value) {
    rows.add(new SummaryRow(fact, value == null || value.isBlank() ? UNKNOWN : value));
  }

  /** A row labelled with the intake form's own question for the field. */
  void question(String name) {
    row(labels.question(name), yesNo(scope.get(name)));
  }

  /** A row labelled with the intake form's question for a field of an object ({@code needs.shelter}). */
  void question(String name, String field) {
    row(labels.question(name + "." + field), yesNo(scope.get(name, field)));
  }

  /** An intake code in Spanish ({@code migrationStatus}: "Irregular"). */
  String code(String name) {
    JsonNode value = scope.get(name);
    return value.isMissingNode() ? UNKNOWN : labels.code(name, value.asText());
  }

  /** A list of intake codes in Spanish, or {@code none} when the list is empty. */
  String codes(String name, String none) {
    return list(scope.get(name), code -> labels.code(name, code), none);
  }

  String list(JsonNode values, Function<String, String> label, String none) {
    if (values.isMissingNode()) {
      return UNKNOWN;
    }
    List<String> words = new ArrayList<>();
    values.forEach(value -> words.add(label.apply(value.asText())));
    return words.isEmpty() ? none : String.join(", ", words);
  }

  /** The labels of the true booleans of an object variable ({@code needs}), or {@code none}. */
  String checked(String name, List<String> fields, String none) {
    JsonNode object = scope.get(name);
    if (object.isMissingNode()) {
      return UNKNOWN;
    }
    List<String> words = fields.stream().filter(field -> object.path(field).asBoolean(false))
        .map(field -> labels.question(name + "." + field)).toList();
    return words.isEmpty() ? none : String.join("; ", words);
  }

  String dateTime(String name) {
    return scope.date(name).map(date -> DATE_TIME.format(date.toInstant().atZone(zone))).orElse(UNKNOWN);
  }

  static String yesNo(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return UNKNOWN;
    }
    return value.asBoolean() ? "Sí" : "No";
  }
}
