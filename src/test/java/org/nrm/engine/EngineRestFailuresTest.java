package org.nrm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** A conflict that outlasted the retries is a 409, the database away a 503, both in Spanish; the rest as Camunda answers it. */
class EngineRestFailuresTest {

  @Test
  void aConflictWrappedByCamundasResourceIsA409InSpanish() {
    Response answer = new EngineRestFailures.Wrapped().toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction concurrently."), "Cannot complete task t1"));

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(message(answer)).startsWith("Otra persona o institución cambió este caso");
  }

  @Test
  void theDatabaseAwayIsA503InSpanishHoweverItIsWrapped() {
    SQLTransientConnectionException noConnection = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
    assertThat(new EngineRestFailures.Engine().toResponse(new ProcessEngineException("ENGINE-03004", noConnection)).getStatus())
        .isEqualTo(503);
    Response answer = new EngineRestFailures.Any().toResponse(new CannotCreateTransactionException("Could not open JDBC Connection",
        noConnection));
    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(message(answer)).startsWith("La base de datos del mecanismo no responde");
  }

  @Test
  void anythingElseIsAnsweredAsCamundaDoes() {
    assertThat(new EngineRestFailures.Wrapped().toResponse(new RestException(Response.Status.NOT_FOUND, "No task t1")).getStatus())
        .isEqualTo(404);
    assertThat(new EngineRestFailures.Engine().toResponse(new ProcessEngineException("bad")).getStatus()).isEqualTo(500);
  }

  private static String message(Response answer) {
    return ((Map<?, ?>) answer.getEntity()).get("message").toString();
  }
}
