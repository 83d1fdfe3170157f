package org.nrm.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
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

  static Stream<Arguments> institutionsInEachJurisdiction() {
    return Stream.of("CR", "GT").flatMap(jurisdiction ->
        Arrays.stream(Institution.values()).map(institution -> Arguments.of(institution, jurisdiction)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("institutionsInEachJurisdiction")
  void everyInstitutionHasADemoUserInEachJurisdiction(Institution institution, String jurisdiction) {
    String userId = institution.id() + "." + jurisdiction.toLowerCase(Locale.ROOT);
    var users = engine.getIdentityService().createUserQuery().userId(userId);

    assertThat(users.memberOfGroup(institution.id()).count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId(userId).memberOfTenant(jurisdiction).count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createTenantQuery().userMember(userId).count())
        .as("a demo user belongs to its jurisdiction only").isEqualTo(1);
    assertThat(engine.getIdentityService().checkPassword(userId, "demo")).isTrue();
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(userId).count())
        .as("a demo user belongs to its institution only").isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"CR, Costa Rica", "GT, Guatemala"})
  void eachJurisdictionIsATenant(String code, String name) {
    var tenant = engine.getIdentityService().createTenantQuery().tenantId(code).singleResult();

    assertThat(tenant.getName()).isEqualTo(name);
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
