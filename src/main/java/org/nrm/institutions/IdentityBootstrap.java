package org.nrm.institutions;

import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what is missing of the institutions (groups), jurisdictions (tenants), the administrator
 * and the demo users. Never changes or deletes what exists: Admin is where people manage them.
 */
final class IdentityBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

  /** The accounts of other countries' deployments: they hand cases over, they work no task. */
  static final String REGIONAL_MECHANISMS = "regional-mechanisms";
  static final String REGIONAL_COORDINATOR = "coordination.regional";

  private final IdentityService identity;
  private final MechanismProperties properties;

  IdentityBootstrap(IdentityService identity, MechanismProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  /** The demo user of an institution in a jurisdiction, e.g. {@code police.cr}. */
  static String demoUserId(Institution institution, String jurisdictionCode) {
    return institution.id() + "." + jurisdictionCode.toLowerCase(Locale.ROOT);
  }

  void ensure() {
    for (Institution institution : Institution.values()) {
      ensureGroup(institution.id(), institution.spanishName(), GROUP_TYPE_WORKFLOW);
    }
    ensureGroup(CAMUNDA_ADMIN, "Administradores", GROUP_TYPE_SYSTEM);
    for (MechanismProperties.Jurisdiction jurisdiction : properties.jurisdictions()) {
      ensureTenant(jurisdiction);
    }
    MechanismProperties.Administrator administrator = properties.administrator();
    ensureUser(administrator.id(), "Administración", "del sistema", administrator.password());
    ensureGroupMembership(administrator.id(), CAMUNDA_ADMIN);
    ensurePartnerMechanisms();
    if (properties.demo().usersEnabled()) {
      ensureDemoUsers();
    }
  }

  private void ensurePartnerMechanisms() {
    if (properties.partnerMechanisms().isEmpty()) {
      return;
    }
    ensureGroup(REGIONAL_MECHANISMS, "Mecanismos de otros países (entregas de casos)", GROUP_TYPE_SYSTEM);
    for (MechanismProperties.PartnerMechanism partner : properties.partnerMechanisms()) {
      ensureUser(partner.user(), "Mecanismo", "de otro país", partner.password());
      ensureGroupMembership(partner.user(), REGIONAL_MECHANISMS);
      // a hand-over reaches the case of any jurisdiction served here
      for (MechanismProperties.Jurisdiction jurisdiction : properties.jurisdictions()) {
        ensureTenantMembership(partner.user(), jurisdiction.code());
      }
    }
  }

  private void ensureDemoUsers() {
    for (MechanismProperties.Jurisdiction jurisdiction : properties.jurisdictions()) {
      for (Institution institution : Institution.values()) {
        String userId = demoUserId(institution, jurisdiction.code());
        ensureUser(userId, institution.spanishName(), jurisdiction.name() + " (demo)", properties.demo().password());
        ensureGroupMembership(userId, institution.id());
        ensureTenantMembership(userId, jurisdiction.code());
      }
    }
    // a regional coordinator, member of every jurisdiction, who sees their statistics together
    ensureUser(REGIONAL_COORDINATOR, Institution.COORDINATION.spanishName(), "regional (demo)", properties.demo().password());
    ensureGroupMembership(REGIONAL_COORDINATOR, Institution.COORDINATION.id());
    for (MechanismProperties.Jurisdiction jurisdiction : properties.jurisdictions()) {
      ensureTenantMembership(REGIONAL_COORDINATOR, jurisdiction.code());
    }
  }

  private void ensureGroup(String id, String name, String type) {
    createUnlessPresent("group " + id, () -> identity.createGroupQuery().groupId(id).count() > 0, () -> {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    });
  }

  private void ensureTenant(MechanismProperties.Jurisdiction jurisdiction) {
    String id = jurisdiction.code();
    createUnlessPresent("tenant " + id, () -> identity.createTenantQuery().tenantId(id).count() > 0, () -> {
      Tenant tenant = identity.newTenant(id);
      tenant.setName(jurisdiction.name());
      identity.saveTenant(tenant);
    });
  }

  private void ensureUser(String id, String firstName, String lastName, String password) {
    createUnlessPresent("user " + id, () -> identity.createUserQuery().userId(id).count() > 0, () -> {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@nrm.invalid");
      user.setPassword(password);
      identity.saveUser(user);
    });
  }

  private void ensureGroupMembership(String userId, String groupId) {
    createUnlessPresent("membership of " + userId + " in " + groupId,
        () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0,
        () -> identity.createMembership(userId, groupId));
  }

  private void ensureTenantMembership(String userId, String tenantId) {
    createUnlessPresent("membership of " + userId + " in tenant " + tenantId,
        () -> identity.createUserQuery().userId(userId).memberOfTenant(tenantId).count() > 0,
        () -> identity.createTenantUserMembership(tenantId, userId));
  }

  /**
   * Creates an entity unless it exists. Another node of the cluster may create it at the same time:
   * a failed insert is fine when the entity is then present.
   */
  static void createUnlessPresent(String what, BooleanSupplier present, Runnable create) {
    if (present.getAsBoolean()) {
      return;
    }
    try {
      create.run();
      LOG.info("Created {}", what);
    } catch (ProcessEngineException e) {
      if (!present.getAsBoolean()) {
        throw e;
      }
    }
  }
}
