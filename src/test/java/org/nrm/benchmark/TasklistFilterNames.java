package org.nrm.benchmark;

import java.util.List;

/** The shared Tasklist filters' names, as org.nrm.institutions.TasklistFilters creates them. */
final class TasklistFilterNames {

  static final String MY_INSTITUTION = "Tareas de mi institución";
  static final String MINE = "Mis tareas";
  static final String OVERDUE = "Vencidas";
  static final List<String> ALL = List.of(MY_INSTITUTION, MINE, OVERDUE);

  private TasklistFilterNames() {}
}
