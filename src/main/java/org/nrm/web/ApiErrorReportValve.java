package org.nrm.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, except for /api: a request that Tomcat refuses before the application
 * sees it (an encoded NUL in the path, a malformed URI) gets the API's error body in Spanish, not
 * Tomcat's English HTML page. Without stack traces or server details, as Spring Boot sets it up.
 */
class ApiErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  ApiErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getCoyoteRequest().requestURI().toString();
    boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
    int status = response.getStatus();
    if (!api || status < 400 || response.getContentWritten() > 0) {
      super.report(request, response, throwable);
      return;
    }
    if (!response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        HttpStatus known = HttpStatus.resolve(status);
        ApiError body = known == null ? ApiError.of("La solicitud no se pudo atender (HTTP " + status + ").")
            : ApiFailures.byStatus(known).body();
        writer.write(JSON.writeValueAsString(body));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away, or the response cannot take a body any more
    }
  }
}
