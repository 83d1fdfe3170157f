package org.nrm.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every exception of a request to /api that no {@code @ExceptionHandler} of its controller
 * took, including those raised before any controller (unknown path, wrong method or content
 * type), with the API's error body. Requests outside /api keep the framework's behaviour.
 */
final class ApiExceptionResolver implements HandlerExceptionResolver {

  private final ObjectMapper json;

  ApiExceptionResolver(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
    if (!ApiFailures.isApi(request, request.getRequestURI())) {
      return null;
    }
    ApiFailures.Answer answer = ApiFailures.answer(exception, request);
    if (!response.isCommitted()) {
      try {
        write(answer, response, json);
      } catch (IOException e) {
        // the client went away: nothing left to answer
      }
    }
    return new ModelAndView();
  }

  static void write(ApiFailures.Answer answer, HttpServletResponse response, ObjectMapper json) throws IOException {
    response.resetBuffer();
    response.setStatus(answer.status().value());
    if (!answer.allow().isEmpty()) {
      response.setHeader(HttpHeaders.ALLOW, String.join(", ", answer.allow()));
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), answer.body());
  }
}
