package org.nrm.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/** Runs engine calls as a signed-in user, with that user's groups and tenants, as Tasklist does. */
public final class Users {

  private final IdentityService identity;

  public Users(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T as(String userId, Supplier<T> call) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(String userId, Runnable call) {
    as(userId, () -> {
      call.run();
      return null;
    });
  }

  public List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
