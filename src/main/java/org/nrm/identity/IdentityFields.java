package org.nrm.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identity data entered in a Tasklist form: fields whose key is {@code identity_<field>}, e.g.
 * {@code identity_givenNames}. The engine never keeps them: {@link IdentityCaptureListener} moves
 * them into the vault and {@link IdentityHistoryFilter} keeps them out of history.
 */
public final class IdentityFields {

  public static final String PREFIX = "identity_";

  public static final List<String> FIELDS = List.of("givenNames", "familyNames", "birthDate", "documentType",
      "documentNumber", "phone", "address", "currentLocation");

  private IdentityFields() {}

  public static boolean isIdentity(String variableName) {
    return variableName != null && variableName.startsWith(PREFIX);
  }

  /** The given fields of an identity as form fields ({@code identity_givenNames}...), the blank ones left out. */
  static Map<String, Object> toVariables(IdentityRecord identity, List<String> fields) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("givenNames", identity.givenNames());
    all.put("familyNames", identity.familyNames());
    all.put("birthDate", identity.birthDate());
    all.put("documentType", identity.documentType());
    all.put("documentNumber", identity.documentNumber());
    all.put("phone", identity.phone());
    all.put("address", identity.address());
    all.put("currentLocation", identity.currentLocation());
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String field : fields) {
      if (!all.containsKey(field)) {
        throw new IllegalArgumentException("Unknown identity field " + field + "; known: " + FIELDS);
      }
      if (all.get(field) != null) {
        variables.put(PREFIX + field, all.get(field));
      }
    }
    return variables;
  }

  /** The identity in a set of variables (null fields where absent or blank). */
  static IdentityRecord from(Map<String, Object> variables) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : FIELDS) {
      Object value = variables.get(PREFIX + field);
      values.put(field, value == null || value.toString().isBlank() ? null : value.toString());
    }
    return new IdentityRecord(values.get("givenNames"), values.get("familyNames"), values.get("birthDate"),
        values.get("documentType"), values.get("documentNumber"), values.get("phone"), values.get("address"),
        values.get("currentLocation"));
  }
}
