package org.nrm.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;

/**
 * Where the running cases of a version are, counted per element and never listed: the activities
 * they are on (from Camunda's activity statistics, then the cases on each), the joins where a
 * branch of theirs waits for the others (which the statistics leave out: the waiting execution is
 * inactive, yet Camunda migrates it as an activity instance of the gateway), and the deadline
 * timers of boundary events that wait for them. Counts only: analysts never see cases.
 */
@Component
class RunningCases {

  private final RuntimeService runtime;
  private final ManagementService management;

  RunningCases(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  long count(String definitionId) {
    return runtime.createProcessInstanceQuery().processDefinitionId(definitionId).count();
  }

  List<String> ids(String definitionId) {
    return runtime.createProcessInstanceQuery().processDefinitionId(definitionId).list().stream().map(instance -> instance.getId())
        .toList();
  }

  /** The elements with cases, activities first, each with its number of cases ({@code to} left null). */
  List<MigrationPreview.ActiveElement> elements(String definitionId, BpmnModelInstance model) {
    List<MigrationPreview.ActiveElement> elements = new ArrayList<>();
    TreeSet<String> activities = new TreeSet<>();
    for (ActivityStatistics statistics : management.createActivityStatisticsQuery(definitionId).list()) {
      activities.add(statistics.getId());
    }
    model.getModelElementsByType(ParallelGateway.class).forEach(join -> activities.add(join.getId()));
    model.getModelElementsByType(InclusiveGateway.class).forEach(join -> activities.add(join.getId()));
    for (String activity : activities) {
      long cases = runtime.createProcessInstanceQuery().processDefinitionId(definitionId).activityIdIn(activity).count();
      if (cases > 0) {
        elements.add(new MigrationPreview.ActiveElement(activity, MigrationPreview.ActiveElement.ACTIVITY, cases, null));
      }
    }
    TreeSet<String> timers = new TreeSet<>();
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      if (boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)) {
        timers.add(boundary.getId());
      }
    }
    for (String timer : timers) {
      long cases = management.createJobQuery().processDefinitionId(definitionId).activityId(timer).timers().list().stream()
          .map(Job::getProcessInstanceId).distinct().count();
      if (cases > 0) {
        elements.add(new MigrationPreview.ActiveElement(timer, MigrationPreview.ActiveElement.TIMER, cases, null));
      }
    }
    return elements;
  }
}
