package org.nrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@NrmIntegrationTest
class PostgresSchemaIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void theEngineRunsOnPostgresql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
  }

  @Test
  void theEngineSchemaIsCreated() {
    assertThat(engine.getManagementService().getTableCount())
        .containsKeys("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_ID_USER", "ACT_RU_AUTHORIZATION",
            "ACT_RE_CAMFORMDEF");
  }
}
