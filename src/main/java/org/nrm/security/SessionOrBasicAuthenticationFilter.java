package org.nrm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's basic authentication, which also takes the user signed in to Cockpit or Tasklist for
 * a read ({@code GET}) under the paths given: the statistics dashboard in Cockpit reads the
 * statistics API with the coordinator's session. A write takes the session only under the write
 * paths and only with the webapps' own CSRF token ({@code X-XSRF-TOKEN}, the one Cockpit's pages
 * send), so a page of another site cannot make a signed-in browser change anything; elsewhere
 * writes need the basic credentials.
 */
class SessionOrBasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private static final String ENGINE = "default";

  /** Camunda's names for its CSRF token: in the session, and in the header its pages send. */
  static final String CSRF_TOKEN_IN_SESSION = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";

  private final List<String> sessionPaths;
  private final List<String> sessionWritePaths;

  SessionOrBasicAuthenticationFilter(List<String> sessionPaths, List<String> sessionWritePaths) {
    this.sessionPaths = List.copyOf(sessionPaths);
    this.sessionWritePaths = List.copyOf(sessionWritePaths);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    UserAuthentication user = sessionUser((HttpServletRequest) request);
    if (user == null) {
      super.doFilter(request, response, chain);
      return;
    }
    ProcessEngine engine = getAddressedEngine(ENGINE);
    setAuthenticatedUser(engine, user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()), user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds()));
    try {
      chain.doFilter(request, response);
    } finally {
      clearAuthentication(engine);
    }
  }

  private UserAuthentication sessionUser(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    HttpSession session = request.getSession(false);
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (session == null || (read ? sessionPaths : sessionWritePaths).stream().noneMatch(path::startsWith)
        || (!read && !carriesTheSessionsCsrfToken(request, session))) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
        ? user : null;
  }

  private static boolean carriesTheSessionsCsrfToken(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_TOKEN_IN_SESSION);
    String sent = request.getHeader(CSRF_TOKEN_HEADER);
    return expected instanceof String token && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
