package org.nrm.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's and Cockpit's own engine API ({@code /camunda/api/engine}) is the webapps' JAX-RS
 * application, which takes no providers of ours: a concurrent change that outlasted the retries
 * ({@link ConcurrentChangeRetryPlugin}) came out as Camunda's 500. Such an answer is held back on
 * its way out: a 500 whose body is Camunda's optimistic-locking error (exception code 1) becomes the
 * same 409 in Spanish as the engine REST API's ({@link EngineRestFailures}). Only an answer already
 * marked 500 when its body is written is held; every other one streams through untouched.
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
    FailureHeldBack answer = new FailureHeldBack(response);
    chain.doFilter(request, answer);
    byte[] failure = answer.heldBack();
    if (failure == null) {
      return;
    }
    if (isConcurrentChange(failure)) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      failure = json.writeValueAsBytes(Map.of("type", "ConcurrentChange", "message", EngineRestFailures.CONFLICT));
    }
    response.setContentLength(failure.length);
    response.getOutputStream().write(failure);
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

  /** The response, except that a body written under a 500 is kept here instead of sent. */
  private static final class FailureHeldBack extends HttpServletResponseWrapper {

    private ByteArrayOutputStream held;
    private PrintWriter writer;

    FailureHeldBack(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (getStatus() != SC_INTERNAL_SERVER_ERROR) {
        return super.getOutputStream();
      }
      held = held == null ? new ByteArrayOutputStream() : held;
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          held.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          held.write(bytes, offset, length);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("a failure's body is written at once");
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (getStatus() != SC_INTERNAL_SERVER_ERROR) {
        return super.getWriter();
      }
      writer = writer == null ? new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8)) : writer;
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (held == null) {
        super.flushBuffer();
      }
    }

    /** The body of a 500, as written; null when the answer was not one and went out as it was. */
    byte[] heldBack() {
      if (writer != null) {
        writer.flush();
      }
      return held == null ? null : held.toByteArray();
    }
  }
}
