package org.nrm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's basic authentication, which also takes the user signed in to Cockpit or Tasklist for
 * a read ({@code GET}) under the paths given: the statistics dashboard in Cockpit reads the
 * statistics API with the coordinator's session. Writes always need the basic credentials, so a
 * page of another site cannot make a signed-in browser change anything.
 */
class SessionOrBasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private static final String ENGINE = "default";

  private final List<String> sessionPaths;

  SessionOrBasicAuthenticationFilter(List<String> sessionPaths) {
    this.sessionPaths = List.copyOf(sessionPaths);
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
    if (session == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        || sessionPaths.stream().noneMatch(path::startsWith)) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
        ? user : null;
  }
}
