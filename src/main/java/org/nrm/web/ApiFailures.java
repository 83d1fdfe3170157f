package org.nrm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the API answers for a request it could not serve, in Spanish and without internals: the
 * standard refusals of the web framework (unknown path, wrong method, wrong content type...) and,
 * for anything unexpected, a 500 with a random reference that is logged with the stack trace.
 */
final class ApiFailures {

  /** A status and the body to answer with it. */
  record Answer(HttpStatusCode status, ApiError body, List<String> allow) {
    Answer(HttpStatusCode status, ApiError body) {
      this(status, body, List.of());
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ApiFailures.class);

  private ApiFailures() {}

  static boolean isApi(HttpServletRequest request, String uri) {
    String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** The answer to an exception raised while serving {@code request}. */
  static Answer answer(Throwable exception, HttpServletRequest request) {
    if (exception instanceof ApiException refused) {
      return new Answer(refused.status(), refused.body());
    }
    if (exception instanceof AuthorizationException) {
      return new Answer(HttpStatus.FORBIDDEN, ApiError.of("No tiene permiso para esta operación."));
    }
    if (exception instanceof HttpRequestMethodNotSupportedException method) {
      List<String> allowed = method.getSupportedHttpMethods() == null ? List.of()
          : method.getSupportedHttpMethods().stream().map(Object::toString).sorted().toList();
      return new Answer(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of("Este recurso no admite el método " + method.getMethod()
          + (allowed.isEmpty() ? "." : "; use " + String.join(" o ", allowed) + ".")), allowed);
    }
    if (exception instanceof HttpMediaTypeNotSupportedException type) {
      // a refused request like any other: 400 with the field, not the framework's 415
      return new Answer(HttpStatus.BAD_REQUEST, ApiError.withField("El tipo de contenido no es admitido; no se hizo ningún cambio.",
          "Content-Type", "debe ser " + String.join(" o ", type.getSupportedMediaTypes().stream().map(MediaType::toString).toList())));
    }
    if (exception instanceof HttpMediaTypeNotAcceptableException) {
      return new Answer(HttpStatus.NOT_ACCEPTABLE, ApiError.of("La API responde en JSON (application/json); revise la cabecera Accept."));
    }
    if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
      return byStatus(HttpStatus.NOT_FOUND);
    }
    if (exception instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
      return byStatus(framework.getStatusCode());
    }
    if (exception instanceof TypeMismatchException || exception instanceof HttpMessageNotReadableException) {
      return byStatus(HttpStatus.BAD_REQUEST);
    }
    if (DatabaseOutage.isCause(exception)) {
      return outage(exception, request.getMethod(), request.getRequestURI());
    }
    return unexpected(exception, request);
  }

  /** 503: the database is away; nothing was stored. Logged without a stack trace, which would say nothing more. */
  static Answer outage(Throwable exception, String method, String uri) {
    LOG.warn("The database is unavailable: {} {} answered 503 ({})", method, uri, exception.toString());
    return new Answer(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of(DatabaseOutage.MESSAGE));
  }

  /** The answer for a bare status (an error page of the container, a refusal without exception). */
  static Answer byStatus(HttpStatusCode status) {
    String error = switch (status.value()) {
      case 400 -> "La solicitud no es válida; no se hizo ningún cambio.";
      case 401 -> "Se requiere autenticación: use HTTP basic con un usuario del mecanismo.";
      case 403 -> "No tiene permiso para esta operación.";
      case 404 -> "No existe este recurso de la API.";
      case 405 -> "Este recurso no admite ese método HTTP.";
      case 406 -> "La API responde en JSON (application/json); revise la cabecera Accept.";
      case 413 -> "La solicitud es demasiado grande; no se hizo ningún cambio.";
      case 414 -> "La dirección es demasiado larga.";
      case 415 -> "El tipo de contenido no es admitido; no se hizo ningún cambio.";
      case 503 -> "El servicio no está disponible en este momento; vuelva a intentarlo en unos minutos.";
      default -> "La solicitud no se pudo atender (HTTP " + status.value() + ").";
    };
    return new Answer(status.value() == 415 ? HttpStatus.BAD_REQUEST : status, ApiError.of(error));
  }

  /** A 500 with a fresh reference, logged with the stack trace under that reference. */
  static Answer unexpected(Throwable exception, HttpServletRequest request) {
    return unexpected(exception, request.getMethod(), request.getRequestURI());
  }

  static Answer unexpected(Throwable exception, String method, String uri) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected error in the API, reference {}: {} {}", reference, method, uri, exception);
    return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.unexpected(reference));
  }
}
