package org.nrm.institutions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters. Their queries are expressions evaluated for the signed-in user, so the
 * same three filters show each institution its own tasks.
 */
final class TasklistFilters {

  static final String MY_INSTITUTION = "Tareas de mi institución";
  static final String MINE = "Mis tareas";
  static final String OVERDUE = "Vencidas";

  private static final String USER_GROUPS = "${currentUserGroups()}";
  /** What each task's card shows of its case, below the task's name (Tasklist's filter variables). */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", TaskCardVariablesPlugin.CASE_NUMBER, "label", "Caso"),
      Map.of("name", TaskCardVariablesPlugin.PROFILE, "label", "Perfil"),
      Map.of("name", TaskCardVariablesPlugin.JURISDICTION, "label", "Jurisdicción"));

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  /** Creates the missing filters and returns the ids of all three. */
  List<String> ensure() {
    List<String> ids = new ArrayList<>();
    ids.add(ensure(MY_INSTITUTION, -10, "Tareas de su institución, asignadas o sin asignar",
        tasks.createTaskQuery().taskCandidateGroupInExpression(USER_GROUPS).includeAssignedTasks()
            .orderByDueDate().asc()));
    ids.add(ensure(MINE, -5, "Tareas asignadas a usted",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
    ids.add(ensure(OVERDUE, 0, "Tareas de su institución con el plazo vencido",
        tasks.createTaskQuery().taskCandidateGroupInExpression(USER_GROUPS).includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc()));
    return ids;
  }

  private String ensure(String name, int priority, String description, TaskQuery query) {
    List<String> existing = sharedFilterIds(name);
    if (!existing.isEmpty()) {
      showCaseOnCards(existing.get(0));
      return existing.get(0);
    }
    Filter created = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true, "variables", CARD_VARIABLES));
    filters.saveFilter(created);
    // nodes of a cluster starting together may each create the filter: all keep the lowest id
    String kept = sharedFilterIds(name).get(0);
    if (!kept.equals(created.getId())) {
      filters.deleteFilter(created.getId());
    }
    return kept;
  }

  /** A filter of an older version gets this version's card variables, and nothing else of it changes. */
  private void showCaseOnCards(String filterId) {
    Filter filter = filters.getFilter(filterId);
    if (filter != null && !CARD_VARIABLES.equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new HashMap<>(filter.getProperties());
      properties.put("variables", CARD_VARIABLES);
      filters.saveFilter(filter.setProperties(properties));
    }
  }

  private List<String> sharedFilterIds(String name) {
    return filters.createFilterQuery().filterName(name).list().stream()
        .filter(filter -> filter.getOwner() == null)
        .map(Filter::getId)
        .sorted()
        .toList();
  }
}
