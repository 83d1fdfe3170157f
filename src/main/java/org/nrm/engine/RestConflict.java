package org.nrm.engine;

import java.util.Map;

/**
 * An engine exception that is a conflict with what is stored, not a failure: the engine REST API
 * answers it 409 with this body ({@link EngineRestFailures}), for the caller to act on.
 */
public interface RestConflict {

  /** Camunda's error body: {@code type}, {@code message} (in Spanish) and what the caller needs. */
  Map<String, Object> restBody();
}
