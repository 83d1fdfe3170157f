package org.nrm.support;

import java.util.ArrayList;
import java.util.List;
import org.nrm.NrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product started in the test's own JVM on a database of its own, beside the shared test
 * context: demo profile, no webapps, no job executor (the test runs the jobs). Engines register
 * by name in a JVM-wide registry, so each such product names its own.
 */
public final class ProductInThisJvm {

  private ProductInThisJvm() {}

  /** Starts it on {@code port} with the PostgreSQL database at {@code jdbcUrl} (user and password {@code postgres}). */
  public static ConfigurableApplicationContext start(String engineName, int port, String jdbcUrl, String... arguments) {
    List<String> all = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres"));
    all.addAll(List.of(arguments));
    return new SpringApplicationBuilder(NrmApplication.class).run(all.toArray(String[]::new));
  }
}
