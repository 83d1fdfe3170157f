package org.nrm.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the test application contexts when all tests have run, while their embedded PostgreSQL
 * server still runs. Left to the JVM's shutdown hooks, the server's hook and Spring's race, and
 * the engine then waits for a connection that never comes.
 */
public class OpenContexts implements TestExecutionListener {

  private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

  static synchronized void register(ConfigurableApplicationContext context) {
    CONTEXTS.add(context);
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    synchronized (OpenContexts.class) {
      CONTEXTS.forEach(ConfigurableApplicationContext::close);
      CONTEXTS.clear();
    }
  }
}
