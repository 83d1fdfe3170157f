package org.nrm.engine.authorization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;

/**
 * Cockpit as Camunda builds it, with its process instance list and count read from
 * {@code LinearCockpitQueries.xml}: the mapper is added to Cockpit's MyBatis configuration like a
 * plugin's, and Cockpit's statement names are mapped to it in Cockpit's own session factory, the way
 * the engine maps its database-specific statements.
 */
class LinearCockpitRuntimeDelegate extends DefaultCockpitRuntimeDelegate {

  static final String NAMESPACE = "org.nrm.engine.authorization.LinearCockpitQueries";
  private static final List<String> MAPPERS = List.of(
      "org/nrm/engine/authorization/LinearAuthorizationChecks.xml",
      "org/nrm/engine/authorization/LinearCockpitQueries.xml");
  /** Cockpit's statements, as its REST resources name them, and this mapper's in their place. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectRunningProcessInstancesIncludingIncidents", NAMESPACE + ".selectLinearRunningProcessInstancesIncludingIncidents",
      "selectRunningProcessInstancesCount", NAMESPACE + ".selectLinearRunningProcessInstancesCount");

  @Override
  protected List<String> getMappingFiles() {
    List<String> files = new ArrayList<>(super.getMappingFiles());
    files.addAll(MAPPERS);
    return files;
  }

  @Override
  protected CommandExecutor createCommandExecutor(String processEngineName) {
    if (!(getProcessEngine(processEngineName) instanceof ProcessEngineImpl engine)) {
      throw new ProcessEngineException("No process engine named '" + processEngineName + "'");
    }
    QuerySessionFactory sessions = new QuerySessionFactory();
    sessions.initFromProcessEngineConfiguration(engine.getProcessEngineConfiguration(), getMappingFiles());
    DbSqlSessionFactory statements = sessions.getDbSqlSessionFactory();
    // the map of the database's specific statements is shared: extend a copy
    Map<String, String> mappings = statements.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
    mappings.putAll(STATEMENTS);
    statements.setStatementMappings(mappings);
    return new CommandExecutor() {
      @Override
      public <T> T executeCommand(Command<T> command) {
        return sessions.getCommandExecutorTxRequired().execute(command);
      }
    };
  }
}
