package org.nrm.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error page, except for /api: an error that reached the container there (raised in
 * a filter, or a status sent without a body) gets the API's error body in Spanish instead of
 * Spring's English one, and a 5xx gets a reference logged with its stack trace. Anywhere, the
 * database being away is a 503 in Spanish.
 */
class ApiErrorController extends BasicErrorController {

  private final ErrorAttributes errorAttributes;
  private final ObjectMapper json;

  ApiErrorController(ErrorAttributes errorAttributes, ErrorProperties properties, List<ErrorViewResolver> resolvers, ObjectMapper json) {
    super(errorAttributes, properties, resolvers);
    this.errorAttributes = errorAttributes;
    this.json = json;
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (!fromApi(request)) {
      return super.errorHtml(request, response);
    }
    try {
      ApiExceptionResolver.write(answer(request), response, json);
    } catch (IOException e) {
      // the client went away
    }
    return null;
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Throwable failure = errorAttributes.getError(new ServletWebRequest(request));
    if (!fromApi(request) && failure != null && DatabaseOutage.isCause(failure)) {
      // the engine REST API and the webapps' requests, refused in a filter (the log-in reads the
      // users' table): Camunda's error body, 503 rather than Spring's English 500
      ApiFailures.outage(failure, request.getMethod(), (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("type", "DatabaseUnavailable", "message",
          DatabaseOutage.MESSAGE));
    }
    if (!fromApi(request)) {
      return super.error(request);
    }
    ApiFailures.Answer answer = answer(request);
    Map<String, Object> body = json.convertValue(answer.body(), json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    return ResponseEntity.status(answer.status()).body(body);
  }

  private ApiFailures.Answer answer(HttpServletRequest request) {
    Throwable exception = errorAttributes.getError(new ServletWebRequest(request));
    HttpStatus status = getStatus(request);
    if (exception instanceof ApiException refused) {
      return new ApiFailures.Answer(refused.status(), refused.body());
    }
    if (!status.is5xxServerError()) {
      return ApiFailures.byStatus(status);
    }
    if (exception != null && DatabaseOutage.isCause(exception)) {
      return ApiFailures.outage(exception, request.getMethod(), (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }
    // logged with the request that failed, not this error page's
    return ApiFailures.unexpected(exception != null ? exception : new IllegalStateException("HTTP " + status.value()
        + " without an exception"), request.getMethod(), (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
  }

  private static boolean fromApi(HttpServletRequest request) {
    return ApiFailures.isApi(request, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
  }
}
