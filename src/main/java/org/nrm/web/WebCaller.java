package org.nrm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The user signed in to a request to the engine: the webapp's session (Tasklist, Cockpit) or the
 * engine REST API's basic authentication (set while the request runs through the API's filter).
 */
public record WebCaller(String userId, List<String> groupIds) {

  public static Optional<WebCaller> of(HttpServletRequest request, IdentityService identity) {
    Authentications webapp = request.getSession(false) == null ? null
        : AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    if (webapp != null && webapp.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user) {
      return Optional.of(new WebCaller(user.getIdentityId(), List.copyOf(user.getGroupIds())));
    }
    Authentication rest = identity.getCurrentAuthentication();
    return rest == null || rest.getUserId() == null ? Optional.empty()
        : Optional.of(new WebCaller(rest.getUserId(), rest.getGroupIds() == null ? List.of() : List.copyOf(rest.getGroupIds())));
  }

  public boolean isMemberOfAny(List<String> groups) {
    return groupIds.stream().anyMatch(groups::contains);
  }
}
