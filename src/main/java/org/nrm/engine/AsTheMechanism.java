package org.nrm.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work the mechanism does for a caller it has already allowed, with the engine's own permissions
 * rather than the caller's (who may not read a referral's history or create a group): the caller's
 * engine authentication is set aside for the work and put back after it.
 */
public final class AsTheMechanism {

  private AsTheMechanism() {}

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  public static void run(IdentityService identity, Runnable work) {
    call(identity, () -> {
      work.run();
      return null;
    });
  }
}
