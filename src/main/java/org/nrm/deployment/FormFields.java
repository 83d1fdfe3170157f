package org.nrm.deployment;

import java.util.Map;

/** A Camunda Form as the checks see it: its id (the key tasks name in camunda:formRef) and its fields by key. */
public record FormFields(String id, Map<String, Field> fields) {

  /** One input of the form: its component type ({@code textfield}, {@code radio}, …) and whether it is required. */
  public record Field(String type, boolean required) {}
}
