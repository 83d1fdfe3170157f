package org.nrm.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the Spanish body to answer; anywhere in a request to /api. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final transient ApiError body;

  public ApiException(HttpStatus status, ApiError body) {
    // an answer to the caller, not a failure: no stack trace to fill
    super(body.error(), null, false, false);
    this.status = status;
    this.body = body;
  }

  public static ApiException badRequest(ApiError body) {
    return new ApiException(HttpStatus.BAD_REQUEST, body);
  }

  public HttpStatus status() {
    return status;
  }

  public ApiError body() {
    return body;
  }
}
