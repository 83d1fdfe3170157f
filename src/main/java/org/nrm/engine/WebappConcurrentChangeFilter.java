package org.nrm.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist's and Cockpit's own engine API ({@code /camunda/api/engine}) is the webapps' JAX-RS
 * application, which takes no providers of ours: a concurrent change that outlasted the retries
 * ({@link ConcurrentChangeRetryPlugin}) came out as Camunda's 500. Its answer is looked at on the
 * way out: a 500 whose body is Camunda's optimistic-locking error (exception code 1) becomes the
 * same 409 in Spanish as the engine REST API's ({@link EngineRestFailures}). Any other answer passes
 * unchanged.
 */
class WebappConcurrentChangeFilter extends OncePerRequestFilter {

  /** Camunda's built-in exception code of an optimistic-locking failure. */
  static final int OPTIMISTIC_LOCKING = 1;

  private final ObjectMapper json;

  WebappConcurrentChangeFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && isConcurrentChange(answer.getContentAsByteArray())) {
      answer.resetBuffer();
      answer.setStatus(HttpServletResponse.SC_CONFLICT);
      answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
      answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
      answer.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "ConcurrentChange", "message", EngineRestFailures.CONFLICT)));
    }
    answer.copyBodyToResponse();
  }

  private boolean isConcurrentChange(byte[] body) {
    try {
      JsonNode error = json.readTree(body);
      return error != null && (error.path("code").asInt(-1) == OPTIMISTIC_LOCKING
          || "OptimisticLockingException".equals(error.path("type").asText()));
    } catch (IOException notJson) {
      return false;
    }
  }
}
