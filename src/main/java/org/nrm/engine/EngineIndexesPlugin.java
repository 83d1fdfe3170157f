package org.nrm.engine;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * The product's own indexes on the engine's tables, as versioned Flyway migrations
 * ({@code db/engine/common/}, and {@code db/engine/<database>/} for what only one database has) with
 * a history of their own ({@code nrm_engine_schema_history}). They run
 * once the engine has created or updated its schema, which the product's other migrations
 * ({@code db/migration/}, run by Spring Boot before the engine starts) cannot wait for. Nodes of a
 * cluster starting together take Flyway's lock in turn.
 */
@Component
class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;

  EngineIndexesPlugin(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    Flyway.configure()
        .dataSource(dataSource)
        // Camunda's database type names are Flyway's vendor folders: postgres -> postgresql, h2
        .locations("classpath:db/engine/common", "classpath:db/engine/" + ("postgres".equals(database) ? "postgresql" : database))
        .table("nrm_engine_schema_history")
        // the schema holds the engine's and the product's tables already: this history starts at 0
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
