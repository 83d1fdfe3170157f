package org.nrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Identity fields of Tasklist forms go to the vault and leave no trace in the engine. */
@NrmIntegrationTest
class IdentityGuardIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityVault vault;
  @Autowired JdbcTemplate jdbc;

  @Test
  void identityFieldsOfAStartFormGoToTheVaultOnly() {
    String caseId = "TEST-" + UUID.randomUUID();
    String givenNames = "Yolanda " + UUID.randomUUID();

    Map<String, Object> form = InstitutionTasks.referralTo("police");
    form.put("identity_givenNames", givenNames);
    form.put("identity_phone", "+506 7000 0001");
    String instanceId = engine.getFormService().submitStartForm(referralDefinitionId(), caseId, form).getId();

    assertThat(engine.getRuntimeService().getVariables(instanceId)).containsKey("institution")
        .doesNotContainKeys("identity_givenNames", "identity_phone");
    IdentityRecord stored = vault.read(caseId, "test", "verificación").orElseThrow();
    assertThat(stored.givenNames()).isEqualTo(givenNames);
    assertThat(stored.phone()).isEqualTo("+506 7000 0001");
    assertNoTraceInTheEngine(givenNames, "7000 0001");
  }

  @Test
  void identityFieldsOfATaskFormAreAddedToTheVaultOnly() {
    String caseId = "TEST-" + UUID.randomUUID();
    String documentNumber = "D-" + UUID.randomUUID();
    Map<String, Object> start = InstitutionTasks.referralTo("shelter");
    start.put("identity_givenNames", "Rosa");
    new InstitutionTasks(engine).toTheInstitution(engine.getRuntimeService().startProcessInstanceByKey("ReferralProcess", caseId, start)
        .getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

    engine.getFormService().submitTaskForm(task.getId(), Map.of("referralDecision", "accepted",
        "identity_documentNumber", documentNumber, "identity_currentLocation", "Albergue Norte"));

    IdentityRecord stored = vault.read(caseId, "test", "verificación").orElseThrow();
    assertThat(stored.givenNames()).as("kept from the start").isEqualTo("Rosa");
    assertThat(stored.documentNumber()).isEqualTo(documentNumber);
    assertNoTraceInTheEngine(documentNumber, "Albergue Norte");
  }

  @Test
  void identityFieldsWithoutACaseNumberAreRefusedAndNothingStarts() {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("ReferralProcess").count();

    Map<String, Object> withoutCase = InstitutionTasks.referralTo("police");
    withoutCase.put("identity_givenNames", "Sin caso");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("ReferralProcess", withoutCase))
        .hasMessageContaining("necesitan un caso con número");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("ReferralProcess").count())
        .isEqualTo(before);
  }

  private String referralDefinitionId() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("ReferralProcess")
        .latestVersion().singleResult().getId();
  }

  private void assertNoTraceInTheEngine(String... values) {
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail", "act_ge_bytearray", "act_hi_op_log")) {
      List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
      String contents = rows.toString() + rows.stream().flatMap(row -> row.values().stream())
          .filter(byte[].class::isInstance).map(bytes -> new String((byte[]) bytes)).toList();
      assertThat(contents).as(table).doesNotContain(values);
    }
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      assertThat(jdbc.queryForList("select * from " + table).toString()).as(table).doesNotContain("identity_");
    }
  }
}
