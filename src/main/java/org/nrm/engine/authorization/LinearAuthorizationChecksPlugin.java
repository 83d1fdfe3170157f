package org.nrm.engine.authorization;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Authorization checks whose cost does not grow with the square of the number of tasks, or at all:
 * the engine runs the task query, its count, and its lookup of the groups that hold authorizations
 * from {@code LinearAuthorizationQueries.xml} instead of its own statements. Added the way the
 * engine adds its database-specific statements: a mapper in the engine's MyBatis configuration,
 * and a mapping from the statement's name to it in the engine's session factory. The engine jar
 * stays as it is.
 * {@code nrm.engine.linear-authorization-checks=false} leaves the engine's statements in place.
 */
@Component
@ConditionalOnProperty(name = "nrm.engine.linear-authorization-checks", havingValue = "true", matchIfMissing = true)
class LinearAuthorizationChecksPlugin extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "org.nrm.engine.authorization.LinearAuthorizationQueries";
  /** The shared check first: the task statements include it. */
  static final List<String> MAPPERS = List.of("org/nrm/engine/authorization/LinearAuthorizationChecks.xml",
      "org/nrm/engine/authorization/LinearAuthorizationQueries.xml");
  /** The engine's statements, and this mapper's in their place (ids of their own: short ids stay unique). */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectLinearTaskByQueryCriteria",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectLinearTaskCountByQueryCriteria",
      "selectAuthorizedGroupIds", NAMESPACE + ".selectAuthorizedGroupIdsByIndex");

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    // a session factory shared by several engines holds the mapper already
    if (!mybatis.hasStatement(NAMESPACE + ".selectLinearTaskByQueryCriteria", false)) {
      for (String file : MAPPERS) {
        try (InputStream mapper = LinearAuthorizationChecksPlugin.class.getClassLoader().getResourceAsStream(file)) {
          new XMLMapperBuilder(mapper, mybatis, file, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
          throw new ProcessEngineException("Cannot read " + file, e);
        }
      }
    }
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    // the engine's map is shared by every engine of the same database type: extend a copy
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }
}
