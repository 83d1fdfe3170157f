package org.nrm.institutions;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent group grants: a grant that exists is completed with missing permissions, never
 * duplicated, so every start-up (and every node of a cluster) converges on the same policy.
 */
final class Grants {

  static final String ANY = Authorization.ANY;

  private final AuthorizationService authorizations;

  Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    try {
      ensure(groupId, resource, resourceId, permissions);
    } catch (ProcessEngineException concurrentGrant) {
      // another node of the cluster saved the same grant first: complete that one
      ensure(groupId, resource, resourceId, permissions);
    }
  }

  private void ensure(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
