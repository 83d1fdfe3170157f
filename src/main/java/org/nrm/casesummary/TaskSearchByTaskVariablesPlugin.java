package org.nrm.casesummary;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.nrm.engine.CommandInterceptors;
import org.nrm.institutions.Institution;
import org.springframework.stereotype.Component;

/**
 * Least privilege in the task searches too: an institution searches its tasks by the tasks' own
 * variables (the case number, the profile), never by the case's. A task query filtered by the
 * value of a case (process or case instance) variable could tell an institution what the case
 * holds without reading it; for a signed-in user who is not coordination or an administrator, the
 * engine refuses it (400 through the REST API and Tasklist) with a Spanish message.
 */
@Component
class TaskSearchByTaskVariablesPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "Las tareas se buscan por sus propias variables (caso, perfil, jurisdicción), no por las del"
      + " caso: cada institución ve del caso lo que su tarea necesita. Busque por «Clave de negocio (número de caso)» o por"
      + " una variable de la tarea.";
  private static final Field FILTER_ID = filterCommandField("filterId");
  private static final Field EXTENDING_QUERY = filterCommandField("extendingQuery");
  private static final List<String> READING_WHOLE_CASES = List.of(Institution.COORDINATION.id(), Groups.CAMUNDA_ADMIN);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptors.beforeTheTransaction(configuration).add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if ((command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd)
            && isInstitution(configuration.getIdentityService()) && searchesCaseVariables(command, configuration.getFilterService())) {
          throw new BadUserRequestException(REFUSAL);
        }
        return next.execute(command);
      }
    });
  }

  /**
   * A task query, or a filter's (the saved query, and the query Tasklist extends it with): the
   * filter's queries run inside the filter's command, where no interceptor sees them, and Camunda
   * keeps the extending query in a field without a getter, read here by reflection.
   */
  private static boolean searchesCaseVariables(Command<?> command, FilterService filters) {
    if (command instanceof TaskQueryImpl query) {
      return searchesCaseVariables(query);
    }
    try {
      if (EXTENDING_QUERY.get(command) instanceof TaskQueryImpl extending && searchesCaseVariables(extending)) {
        return true;
      }
      Filter filter = filters.getFilter((String) FILTER_ID.get(command));
      return filter != null && filter.getQuery() instanceof TaskQueryImpl saved && searchesCaseVariables(saved);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field filterCommandField(String name) {
    try {
      Field field = AbstractExecuteFilterCmd.class.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's filter commands changed: " + name, e);
    }
  }

  private static boolean searchesCaseVariables(TaskQueryImpl query) {
    // the query itself is the first of its "or" queries
    return query.getQueries().stream().flatMap(part -> part.getVariables().stream()).anyMatch(variable -> !variable.isLocal());
  }

  private static boolean isInstitution(IdentityService identity) {
    Authentication user = identity.getCurrentAuthentication();
    return user != null && user.getUserId() != null
        && (user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READING_WHOLE_CASES::contains));
  }
}
