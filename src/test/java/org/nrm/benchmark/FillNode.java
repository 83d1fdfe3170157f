package org.nrm.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nrm.NrmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A second node of the product's cluster inside the benchmark's JVM: the product's own Spring context
 * on the fixture's database, without web server or job executor, so that the filler uses the
 * product's services and engine API directly (several times faster than HTTP, same code paths).
 */
final class FillNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private FillNode(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static FillNode start(String jdbcUrl, int poolSize, Path logFile) {
    // command-line arguments: they take precedence over the profiles' files, as for the product's process
    List<String> arguments = new ArrayList<>();
    ProductEnvironment.variables(jdbcUrl).forEach((name, value) -> arguments.add("--" + name + "=" + value));
    arguments.add("--camunda.bpm.job-execution.enabled=false");
    arguments.add("--NRM_DB_POOL_SIZE=" + poolSize);
    // the fill is rebuilt after a crash anyway: no need to wait for each commit to reach the disk
    arguments.add("--spring.datasource.hikari.connection-init-sql=set synchronous_commit = off");
    arguments.add("--logging.file.name=" + logFile);
    arguments.add("--logging.threshold.console=WARN");
    arguments.add("--spring.main.banner-mode=off");
    arguments.add("--server.port=0");
    arguments.add("--camunda.bpm.webapp.enabled=false");
    ConfigurableApplicationContext context = new SpringApplicationBuilder(NrmApplication.class)
        .profiles(ProductEnvironment.PROFILES)
        .initializers(applicationContext -> applicationContext.getBeanFactory()
            .registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()))
        .run(arguments.toArray(String[]::new));
    return new FillNode(context);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * The benchmark runs on the test classpath, whose configuration classes (an embedded database of
   * the tests, coverage listeners) the product's component scan would otherwise pick up. The node
   * is the product as shipped: nothing compiled from the test sources.
   */
  static final class ExcludeTestClasses extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ExcludeTestClasses;
    }

    @Override
    public int hashCode() {
      return ExcludeTestClasses.class.hashCode();
    }
  }
}
