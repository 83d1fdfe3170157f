package org.nrm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two places of /api that fail as nothing in the product should, to prove what a caller gets
 * then: a controller and a filter that throw an exception full of internals. Test sources only:
 * component scanning finds them in the test contexts, never in the jar.
 */
final class FailingEndpoints {

  static final String IN_A_CONTROLLER = "/api/test/failure-in-a-controller";
  static final String BEFORE_ANY_CONTROLLER = "/api/test/failure-before-any-controller";
  static final String INTERNALS = "select ciphertext from nrm_identity where case_id = 'CR-2026-000001'";

  private FailingEndpoints() {}

  @RestController
  static class FailingController {
    @GetMapping(IN_A_CONTROLLER)
    String fail() {
      throw new IllegalStateException(INTERNALS);
    }
  }

  @Component
  static class FailingFilter extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !request.getRequestURI().equals(BEFORE_ANY_CONTROLLER);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
      throw new IllegalStateException(INTERNALS);
    }
  }
}
