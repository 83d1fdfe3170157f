package org.nrm.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@NrmIntegrationTest
class InstitutionBootstrapIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired EngineBootstrapPlugin bootstrap;

  @ParameterizedTest
  @EnumSource(Institution.class)
  void everyInstitutionIsAWorkflowGroupWithTheDataDictionaryId(Institution institution) {
    Group group = engine.getIdentityService().createGroupQuery().groupId(institution.id()).singleResult();

    assertThat(group).isNotNull();
    assertThat(group.getName()).isEqualTo(institution.spanishName());
    assertThat(group.getType()).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
  }

  @ParameterizedTest
  @EnumSource(Institution.class)
  void everyInstitutionHasADemoUserInCostaRica(Institution institution) {
    String userId = institution.id() + ".cr";
    var users = engine.getIdentityService().createUserQuery().userId(userId);

    assertThat(users.memberOfGroup(institution.id()).count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).memberOfTenant("CR").count()).isEqualTo(1);
    assertThat(engine.getIdentityService().checkPassword(userId, "demo")).isTrue();
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(userId).count())
        .as("a demo user belongs to its institution only").isEqualTo(1);
  }

  @Test
  void eachJurisdictionIsATenant() {
    var tenant = engine.getIdentityService().createTenantQuery().tenantId("CR").singleResult();

    assertThat(tenant.getName()).isEqualTo("Costa Rica");
  }

  @Test
  void theAdministratorIsACamundaAdministratorWithTheDemoPassword() {
    assertThat(engine.getIdentityService().createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
    assertThat(engine.getIdentityService().checkPassword("admin", "demo")).isTrue();
  }

  @Test
  void aSecondBootstrapCreatesNothingNew() {
    Map<String, Supplier<Long>> counts = Map.of(
        "groups", () -> engine.getIdentityService().createGroupQuery().count(),
        "users", () -> engine.getIdentityService().createUserQuery().count(),
        "tenants", () -> engine.getIdentityService().createTenantQuery().count(),
        "authorizations", () -> engine.getAuthorizationService().createAuthorizationQuery().count(),
        "filters", () -> engine.getFilterService().createFilterQuery().count());
    Map<String, Long> before = snapshot(counts);

    bootstrap.postProcessEngineBuild(engine);

    assertThat(snapshot(counts)).isEqualTo(before);
  }

  private static Map<String, Long> snapshot(Map<String, Supplier<Long>> counts) {
    var values = new java.util.TreeMap<String, Long>();
    counts.forEach((name, count) -> values.put(name, count.get()));
    return values;
  }
}
