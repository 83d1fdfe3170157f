package org.nrm.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Deadlines per jurisdiction, from {@code rules/deadlines.yml}: the defaults, and what each
 * jurisdiction changes. Data that analysts edit, never numbers inside rules.
 */
public final class DeadlineTable {

  private final Map<String, Deadline> defaults;
  private final Map<String, Map<String, Deadline>> overrides;

  DeadlineTable(Map<String, Deadline> defaults, Map<String, Map<String, Deadline>> overrides) {
    this.defaults = Map.copyOf(defaults);
    this.overrides = Map.copyOf(overrides);
  }

  /** Parses the YAML text; throws {@link IllegalArgumentException} with a Spanish message. */
  @SuppressWarnings("unchecked")
  public static DeadlineTable parse(String yamlText) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("deadlines.yml no es YAML válido: " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?> root) || !(root.get("default") instanceof Map<?, ?> defaults)) {
      throw new IllegalArgumentException("deadlines.yml debe tener una sección «default» con los plazos");
    }
    Map<String, Map<String, Deadline>> overrides = new HashMap<>();
    Object jurisdictions = root.get("jurisdictions");
    if (jurisdictions instanceof Map<?, ?> byJurisdiction) {
      byJurisdiction.forEach((code, steps) ->
          overrides.put(String.valueOf(code), parseSteps(steps instanceof Map<?, ?> map ? map : Map.of())));
    } else if (jurisdictions != null) {
      throw new IllegalArgumentException("deadlines.yml: «jurisdictions» debe ser un mapa por código de país");
    }
    return new DeadlineTable(parseSteps(defaults), overrides);
  }

  /** The steps that have a deadline (every jurisdiction has each of them, by default or its own). */
  public Set<String> steps() {
    return defaults.keySet();
  }

  /** The deadlines of a jurisdiction: its own where it sets them, the defaults elsewhere. */
  public Deadlines forJurisdiction(String jurisdiction) {
    Map<String, Deadline> steps = new HashMap<>(defaults);
    steps.putAll(overrides.getOrDefault(jurisdiction, Map.of()));
    return new Deadlines(jurisdiction, steps);
  }

  private static Map<String, Deadline> parseSteps(Map<?, ?> steps) {
    Map<String, Deadline> parsed = new LinkedHashMap<>();
    steps.forEach((step, value) -> {
      try {
        parsed.put(String.valueOf(step), Deadline.parse(String.valueOf(value)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("deadlines.yml, «" + step + "»: " + e.getMessage(), e);
      }
    });
    return parsed;
  }
}
