package org.nrm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** A conflict that outlasted the retries is a 409 in Spanish; every other REST exception keeps Camunda's answer. */
class ConcurrentChangeExceptionMapperTest {

  private final ConcurrentChangeExceptionMapper mapper = new ConcurrentChangeExceptionMapper();

  @Test
  void aConflictWrappedByCamundasResourceIsAnsweredInSpanish() {
    Response answer = mapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction concurrently."), "Cannot complete task t1"));

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(((Map<?, ?>) answer.getEntity()).get("message").toString()).startsWith("Otra persona o institución cambió este caso");
  }

  @Test
  void anyOtherRestExceptionIsAnsweredAsCamundaDoes() {
    Response answer = mapper.toResponse(new RestException(Response.Status.NOT_FOUND, "No task t1"));

    assertThat(answer.getStatus()).isEqualTo(404);
  }
}
