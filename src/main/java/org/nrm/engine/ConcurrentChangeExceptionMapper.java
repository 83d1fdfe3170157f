package org.nrm.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine REST API's answer to a concurrent change that went on after every retry
 * ({@link ConcurrentChangeRetryPlugin}): 409 with a Spanish message in Camunda's error body
 * ({@code type}, {@code message}), where Camunda would answer 500 (its resources wrap the engine's
 * conflict in a {@link RestException}, e.g. "Cannot complete task …"). Every other REST exception
 * is answered as Camunda answers it.
 */
@Provider
// before Camunda's own mapper of the same exception type (JAX-RS: the lower number is chosen)
@Priority(Priorities.USER - 1)
public class ConcurrentChangeExceptionMapper implements ExceptionMapper<RestException> {

  static final String MESSAGE = "Otra persona o institución cambió este caso al mismo tiempo y no se pudo guardar su acción después"
      + " de " + ConcurrentChangeRetryPlugin.ATTEMPTS + " intentos. No se perdió nada de lo que otros guardaron: actualice la página,"
      + " revise el caso y vuelva a intentarlo.";

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return answer();
      }
    }
    return camunda.toResponse(exception);
  }

  static Response answer() {
    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "ConcurrentChange", "message", MESSAGE)).build();
  }

  /** The engine's conflict where a resource lets it through unwrapped. */
  @Provider
  public static class Unwrapped implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException conflict) {
      return answer();
    }
  }
}
