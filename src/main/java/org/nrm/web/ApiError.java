package org.nrm.web;

import java.util.List;

/** The body of every refused API request: what happened, in Spanish, and each detail. */
public record ApiError(String error, List<String> details) {

  public static ApiError of(String error) {
    return new ApiError(error, List.of());
  }
}
