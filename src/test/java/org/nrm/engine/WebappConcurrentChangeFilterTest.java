package org.nrm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Tasklist's engine API answers a concurrent change that outlasted the retries with 409 in Spanish, and nothing else differently. */
class WebappConcurrentChangeFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTaskFormThatConflictedFiveTimesIsAConflictInSpanish() throws Exception {
    // what Camunda's webapp answers when the engine refuses a submission for a concurrent change
    MockHttpServletResponse answer = answer(500, """
        {"type":"RestException","message":"Cannot submit task form 42: ENGINE-03005 Execution of 'UPDATE ExecutionEntity[7]'\
         failed. Entity was updated by another transaction concurrently.","code":1}""");

    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(JSON.readTree(answer.getContentAsByteArray()).path("type").asText()).isEqualTo("ConcurrentChange");
    assertThat(JSON.readTree(answer.getContentAsByteArray()).path("message").asText())
        .startsWith("Otra persona o institución cambió este caso al mismo tiempo").doesNotContain("ENGINE-", "UPDATE");
  }

  @Test
  void anyOtherAnswerPassesUnchanged() throws Exception {
    String failure = "{\"type\":\"ProcessEngineException\",\"message\":\"Unknown property used in expression\",\"code\":0}";
    assertThat(answer(500, failure).getContentAsString()).isEqualTo(failure);
    assertThat(answer(500, failure).getStatus()).isEqualTo(500);
    assertThat(answer(200, "[{\"id\":\"1\",\"code\":1}]").getContentAsString()).isEqualTo("[{\"id\":\"1\",\"code\":1}]");
    assertThat(answer(500, "<html>error</html>").getContentAsString()).isEqualTo("<html>error</html>");
  }

  private static MockHttpServletResponse answer(int status, String body) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new WebappConcurrentChangeFilter(JSON).doFilter(new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/task/42/submit-form"),
        response, new MockFilterChain(new HttpServlet() {
          @Override
          protected void service(HttpServletRequest request, HttpServletResponse camunda) throws IOException {
            camunda.setStatus(status);
            camunda.setContentType("application/json");
            camunda.getWriter().write(body);
          }
        }));
    return response;
  }
}
