package org.nrm.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.nrm.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine REST API's answers to what Camunda would answer 500 although nobody did anything
 * wrong, in Camunda's error body ({@code type}, {@code message}) and in Spanish: a concurrent
 * change that outlasted the retries ({@link ConcurrentChangeRetryPlugin}) is 409, so is a
 * {@link RestConflict} (a hand-over received already), the database being away is 503. Camunda's resources wrap the engine's exceptions ("Cannot complete task …"),
 * so each mapper looks through the causes; anything else is answered as Camunda answers it. The
 * mappers are chosen before Camunda's own of the same types (JAX-RS: the lower priority number).
 */
final class EngineRestFailures {

  static final String CONFLICT = "Otra persona o institución cambió este caso al mismo tiempo y no se pudo guardar su acción después"
      + " de " + ConcurrentChangeRetryPlugin.ATTEMPTS + " intentos. No se perdió nada de lo que otros guardaron: actualice la página,"
      + " revise el caso y vuelva a intentarlo.";
  private static final Logger LOG = LoggerFactory.getLogger(EngineRestFailures.class);

  private EngineRestFailures() {}

  static <T extends Throwable> Response answer(T failure, Function<T, Response> camunda) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return body(Response.Status.CONFLICT, "ConcurrentChange", CONFLICT);
      }
      if (cause instanceof RestConflict conflict) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(conflict.restBody()).build();
      }
    }
    if (DatabaseOutage.isCause(failure)) {
      LOG.warn("The database is unavailable: the engine REST API answered 503 ({})", failure.toString());
      return body(Response.Status.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DatabaseOutage.MESSAGE);
    }
    return camunda.apply(failure);
  }

  private static Response body(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("type", type, "message", message)).build();
  }

  /** What Camunda's resources throw, wrapping the engine's exception. */
  @Provider
  @Priority(Priorities.USER - 1)
  public static class Wrapped implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException failure) {
      return answer(failure, camunda::toResponse);
    }
  }

  /** The engine's exceptions, unwrapped. */
  @Provider
  @Priority(Priorities.USER - 1)
  public static class Engine implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return answer(failure, camunda::toResponse);
    }
  }

  /** Anything else (a transaction that could not even begin, for one). */
  @Provider
  @Priority(Priorities.USER - 1)
  public static class Any implements ExceptionMapper<Throwable> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable failure) {
      return answer(failure, camunda::toResponse);
    }
  }
}
