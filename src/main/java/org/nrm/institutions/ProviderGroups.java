package org.nrm.institutions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.nrm.engine.AsTheMechanism;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The staff of each provider of the directory: a Camunda group of its own, {@code provider-<id>},
 * that a referral to that provider names as the candidate group of its tasks, so that no one else
 * (not the institution as a whole, not another provider of the same institution) sees them. The
 * group gets what Tasklist needs, as an institution does; administrators add its members in Admin,
 * each also a member of the provider's jurisdiction (tenant).
 */
@Component
public class ProviderGroups {

  public static final String PREFIX = "provider-";
  /** The Camunda group type of a provider's staff. */
  public static final String TYPE = "provider";

  private final ObjectProvider<ProcessEngine> engine;
  private final MechanismProperties properties;

  ProviderGroups(ObjectProvider<ProcessEngine> engine, MechanismProperties properties) {
    this.engine = engine;
    this.properties = properties;
  }

  /** The group of a provider's staff. */
  public static String groupOf(String providerId) {
    return PREFIX + providerId;
  }

  /** The provider whose staff a group is, if it is one. */
  public static Optional<String> providerOf(String groupId) {
    return groupId != null && groupId.startsWith(PREFIX) ? Optional.of(groupId.substring(PREFIX.length())) : Optional.empty();
  }

  /**
   * Creates the provider's group, named as the provider, with Tasklist's grants, unless it exists.
   * Done by the directory, not with the permissions of the coordinator who registers the provider
   * (who may not create groups).
   */
  public void ensure(String providerId, String providerName) {
    ProcessEngine processEngine = engine.getObject();
    AsTheMechanism.run(processEngine.getIdentityService(), () -> create(processEngine, providerId, providerName));
  }

  /** The groups of these providers (id to name) that do not exist yet, created; the others are left as they are. */
  public void ensureMissing(Map<String, String> providers) {
    ProcessEngine processEngine = engine.getObject();
    Set<String> existing = AsTheMechanism.call(processEngine.getIdentityService(), () -> processEngine.getIdentityService()
        .createGroupQuery().groupType(TYPE).list().stream().map(Group::getId).collect(Collectors.toSet()));
    providers.forEach((providerId, name) -> {
      if (!existing.contains(groupOf(providerId))) {
        ensure(providerId, name);
      }
    });
  }

  private void create(ProcessEngine processEngine, String providerId, String providerName) {
    String groupId = groupOf(providerId);
    IdentityBootstrap.createUnlessPresent("group " + groupId,
        () -> processEngine.getIdentityService().createGroupQuery().groupId(groupId).count() > 0, () -> {
          Group group = processEngine.getIdentityService().newGroup(groupId);
          group.setName(providerName.length() > 255 ? providerName.substring(0, 255) : providerName);
          group.setType(TYPE);
          processEngine.getIdentityService().saveGroup(group);
        });
    List<String> filters = new TasklistFilters(processEngine.getFilterService(), processEngine.getTaskService()).ensure();
    new AccessPolicy(new Grants(processEngine.getAuthorizationService()), properties.startableProcesses())
        .grantTasklist(groupId, filters);
  }

  /**
   * A demo user of the provider's staff (and of nothing else), in its jurisdiction, unless present:
   * the demo's staff, a test's.
   */
  public void ensureDemoStaff(String userId, String password, String providerId, String providerName, String jurisdiction) {
    ProcessEngine processEngine = engine.getObject();
    var identity = processEngine.getIdentityService();
    IdentityBootstrap.createUnlessPresent("user " + userId, () -> identity.createUserQuery().userId(userId).count() > 0, () -> {
      var user = identity.newUser(userId);
      user.setFirstName("Personal");
      user.setLastName(providerName.length() > 200 ? providerName.substring(0, 200) : providerName);
      user.setEmail(userId + "@nrm.invalid");
      user.setPassword(password);
      identity.saveUser(user);
    });
    IdentityBootstrap.createUnlessPresent("membership of " + userId + " in " + groupOf(providerId),
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupOf(providerId)).count() > 0,
        () -> identity.createMembership(userId, groupOf(providerId)));
    IdentityBootstrap.createUnlessPresent("membership of " + userId + " in tenant " + jurisdiction,
        () -> identity.createUserQuery().userId(userId).memberOfTenant(jurisdiction).count() > 0,
        () -> identity.createTenantUserMembership(jurisdiction, userId));
  }
}
