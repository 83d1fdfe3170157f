package org.nrm.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server, started in-process from Maven artifacts, owned by the Spring context:
 * the data source (and with it the engine) closes before the server does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(ConfigurableApplicationContext context) throws IOException {
    OpenContexts.register(context);
    return EmbeddedPostgres.builder().start();
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setMaximumPoolSize(10);
    // as the postgres profile configures it
    dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    return dataSource;
  }
}
