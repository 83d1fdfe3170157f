package org.nrm.deployment;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Why the product itself deploys (at start-up, a rule set sent to {@code /api/rule-sets}): the
 * reason recorded with the deployment. A deployment from Camunda Modeler or the engine REST API
 * gives its reason in its name.
 */
public final class ChangeReasons {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private ChangeReasons() {}

  /** Runs the change with this reason on record for the deployments it makes. */
  public static <T> T because(String reason, Supplier<T> change) {
    String outer = CURRENT.get();
    CURRENT.set(reason);
    try {
      return change.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }
}
