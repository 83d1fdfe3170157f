package org.nrm.institutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

@NrmIntegrationTest
class TasklistFiltersIntegrationTest {

  @Autowired ProcessEngine engine;
  Users users;
  InstitutionTasks cases;

  @BeforeEach
  void setUp() {
    users = new Users(engine.getIdentityService());
    cases = new InstitutionTasks(engine);
  }

  @Test
  void everyInstitutionSeesTheThreeSharedFilters() {
    for (Institution institution : Institution.values()) {
      List<String> names = users.as(institution.id() + ".cr",
          () -> engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).toList());

      assertThat(names).as(institution.id()).containsExactlyInAnyOrder(
          TasklistFilters.MY_INSTITUTION, TasklistFilters.MINE, TasklistFilters.OVERDUE);
    }
  }

  @Test
  void myInstitutionShowsTheInstitutionsTasksOnly() {
    Task police = cases.taskFor("police");
    Task childProtection = cases.taskFor("child-protection");

    List<String> seen = taskIdsIn(TasklistFilters.MY_INSTITUTION, "police.cr");

    assertThat(seen).contains(police.getId()).doesNotContain(childProtection.getId());
  }

  @Test
  void myInstitutionKeepsShowingATaskAfterItIsClaimed() {
    Task police = cases.taskFor("police");
    users.as("police.cr", () -> engine.getTaskService().claim(police.getId(), "police.cr"));

    assertThat(taskIdsIn(TasklistFilters.MY_INSTITUTION, "police.cr")).contains(police.getId());
    assertThat(taskIdsIn(TasklistFilters.MINE, "police.cr")).contains(police.getId());
  }

  @Test
  void myTasksShowsOnlyTasksAssignedToMe() {
    Task unclaimed = cases.taskFor("police");

    assertThat(taskIdsIn(TasklistFilters.MINE, "police.cr")).doesNotContain(unclaimed.getId());
  }

  @Test
  void overdueShowsTheInstitutionsTasksPastTheirDueDate() {
    Task overdue = cases.taskFor("health");
    Task onTime = cases.taskFor("health");
    Task otherInstitution = cases.taskFor("labour");
    setDue(overdue, new Date(System.currentTimeMillis() - 3_600_000));
    setDue(otherInstitution, new Date(System.currentTimeMillis() - 3_600_000));

    List<String> seen = taskIdsIn(TasklistFilters.OVERDUE, "health.cr");

    assertThat(seen).contains(overdue.getId()).doesNotContain(onTime.getId(), otherInstitution.getId());
  }

  private void setDue(Task task, Date due) {
    Task loaded = engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
    loaded.setDueDate(due);
    engine.getTaskService().saveTask(loaded);
  }

  private List<String> taskIdsIn(String filterName, String userId) {
    return users.as(userId, () -> {
      Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
      return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
    });
  }
}
