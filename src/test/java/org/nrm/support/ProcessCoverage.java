package org.nrm.support;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process test coverage over the whole test run. The library's Spring listener keeps one collector
 * per test class; every integration test class shares one engine here, so one collector for the
 * JVM records every class (a suite) and test method (a run), and {@code ProcessCoverageGateTest}
 * judges each model on everything the suite covered.
 */
public class ProcessCoverage implements TestExecutionListener {

  /** Registers the library's coverage listeners in the engine when it is built. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class EngineConfiguration {
    @Bean
    AbstractCamundaConfiguration processCoverageEngineConfiguration() {
      return new AbstractCamundaConfiguration() {
        @Override
        public void preInit(SpringProcessEngineConfiguration configuration) {
          ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        }
      };
    }
  }

  private static final DefaultCollector COLLECTOR = new DefaultCollector(new ExecutionContextModelProvider());

  public static DefaultCollector collector() {
    return COLLECTOR;
  }

  /** The ids of the flow nodes and sequence flows of a model that some test passed through. */
  public static Set<String> coveredElements(String modelKey) {
    return COLLECTOR.getSuites().values().stream()
        .map(suite -> suite.getEvents(modelKey))
        .flatMap(Collection::stream)
        .map(Event::getDefinitionKey)
        .collect(Collectors.toSet());
  }

  public static Model model(String modelKey) {
    return COLLECTOR.getModels().stream().filter(model -> model.getKey().equals(modelKey)).findFirst().orElse(null);
  }

  @Override
  public synchronized void beforeTestClass(TestContext testContext) {
    String suiteId = testContext.getTestClass().getName();
    if (!COLLECTOR.getSuites().containsKey(suiteId)) {
      COLLECTOR.createSuite(new Suite(suiteId, testContext.getTestClass().getSimpleName()));
    }
    COLLECTOR.activateSuite(suiteId);
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), COLLECTOR).initializeListeners();
  }

  @Override
  public synchronized void beforeTestMethod(TestContext testContext) {
    String runId = UUID.randomUUID().toString();
    COLLECTOR.createRun(new Run(runId, testContext.getTestMethod().getName()), COLLECTOR.getActiveSuite().getId());
    COLLECTOR.activateRun(runId);
  }
}
