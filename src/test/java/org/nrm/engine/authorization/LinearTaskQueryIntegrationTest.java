package org.nrm.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nrm.institutions.Institution;
import org.nrm.support.InstitutionTasks;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.Users;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The linear task query finds, for every user and every kind of query, exactly the tasks the
 * engine's own statement finds: the same authorization semantics, in linear time.
 */
@NrmIntegrationTest
class LinearTaskQueryIntegrationTest {

  private static final List<String> JURISDICTIONS = List.of("CR", "GT");

  @Autowired ProcessEngine engine;
  Users users;
  List<Authorization> addedGrants = new ArrayList<>();

  @BeforeEach
  void tasksOfEveryInstitutionInBothJurisdictionsWithGrantsOfEveryKind() {
    users = new Users(engine.getIdentityService());
    InstitutionTasks tasks = new InstitutionTasks(engine);
    Map<String, Task> firstTaskOf = new HashMap<>();
    for (String jurisdiction : JURISDICTIONS) {
      for (Institution institution : Institution.values()) {
        firstTaskOf.putIfAbsent(institution.id() + jurisdiction, tasks.taskFor(institution.id(), jurisdiction));
      }
    }
    // claimed: the assignee gets a grant of their own on the task
    users.as("police.cr", () -> engine.getTaskService().claim(firstTaskOf.get("policeCR").getId(), "police.cr"));
    // a grant to one user on another institution's task
    addedGrants.add(grant(AUTH_TYPE_GRANT, "health.cr", null, Resources.TASK, firstTaskOf.get("shelterCR").getId(),
        Permissions.READ));
    // a grant on every task of a process definition, to one group
    addedGrants.add(grant(AUTH_TYPE_GRANT, null, "labour", Resources.PROCESS_DEFINITION, InstitutionTasks.PROCESS_KEY,
        ProcessDefinitionPermissions.READ_TASK));
    Task overdue = firstTaskOf.get("healthCR");
    overdue.setDueDate(new Date(System.currentTimeMillis() - 3_600_000));
    engine.getTaskService().saveTask(overdue);
  }

  @AfterEach
  void removeTheGrantsOfThisTest() {
    addedGrants.forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
  }

  @Test
  void theEngineRunsTheLinearStatements() {
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();

    assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo(LinearAuthorizationChecksPlugin.NAMESPACE + ".selectLinearTaskByQueryCriteria");
    assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo(LinearAuthorizationChecksPlugin.NAMESPACE + ".selectLinearTaskCountByQueryCriteria");
  }

  @Test
  void theGroupsHoldingAuthorizationsAreTheOnesTheEnginesOwnQueryFinds() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> byIndex = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbSqlSession()
        .getSqlSession().selectList(LinearAuthorizationChecksPlugin.NAMESPACE + ".selectAuthorizedGroupIdsByIndex"));
    List<String> enginesOwn = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbSqlSession()
        .getSqlSession().selectList("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds"));

    assertThat(byIndex).hasSizeGreaterThan(10)
        .containsExactlyInAnyOrderElementsOf(enginesOwn.stream().filter(Objects::nonNull).toList());
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
        .isEqualTo(LinearAuthorizationChecksPlugin.NAMESPACE + ".selectAuthorizedGroupIdsByIndex");
  }

  @Test
  void everyUserSeesTheTasksTheEnginesOwnQuerySees() {
    for (String userId : everyUser()) {
      for (Map.Entry<String, Function<TaskQuery, TaskQuery>> query : queries(userId).entrySet()) {
        assertSameAsEngine(userId, query.getKey(), query.getValue());
      }
    }
  }

  @Test
  void anInstitutionSeesItsOwnTasksOnlyAndACoordinatorSeesThemAll() {
    List<String> police = users.as("police.cr", () -> ids(engine.getTaskService().createTaskQuery()));
    List<String> coordination = users.as("coordination.cr", () -> ids(engine.getTaskService().createTaskQuery()));

    assertThat(police).isNotEmpty().allSatisfy(taskId -> assertThat(groupsOf(taskId)).contains("police"));
    assertThat(coordination).containsAll(police).hasSizeGreaterThan(police.size());
    assertThat(engine.getTaskService().createTaskQuery().taskIdIn(coordination.toArray(String[]::new)).list())
        .extracting(Task::getTenantId).doesNotContain("GT");
  }

  @Test
  void aRevokedTaskIsHiddenByTheEnginesOwnCheckWhichThenRuns() {
    Task police = new InstitutionTasks(engine).taskFor("police", "CR");
    Authorization revoke = grant(AUTH_TYPE_REVOKE, "police.cr", null, Resources.TASK, police.getId(), Permissions.READ);
    addedGrants.add(revoke);

    List<String> seen = users.as("police.cr", () -> ids(engine.getTaskService().createTaskQuery()));

    assertThat(seen).doesNotContain(police.getId());
    assertSameAsEngine("police.cr", "every task, with a revoke in place", query -> query);
  }

  private void assertSameAsEngine(String userId, String description, Function<TaskQuery, TaskQuery> query) {
    List<String> linear = users.as(userId, () -> ids(query.apply(engine.getTaskService().createTaskQuery())));
    long linearCount = users.as(userId, () -> query.apply(engine.getTaskService().createTaskQuery()).count());
    List<String> engines = withTheEnginesOwnStatements(
        () -> users.as(userId, () -> ids(query.apply(engine.getTaskService().createTaskQuery()))));
    long enginesCount = withTheEnginesOwnStatements(
        () -> users.as(userId, () -> query.apply(engine.getTaskService().createTaskQuery()).count()));

    assertThat(linear).as(userId + ": " + description).containsExactlyElementsOf(engines);
    assertThat(linearCount).as(userId + ": count of " + description).isEqualTo(enginesCount);
    // a page, as Tasklist and the REST API ask for one
    List<String> linearPage = users.as(userId, () -> pageIds(query.apply(engine.getTaskService().createTaskQuery())));
    List<String> enginesPage = withTheEnginesOwnStatements(
        () -> users.as(userId, () -> pageIds(query.apply(engine.getTaskService().createTaskQuery()))));
    assertThat(linearPage).as(userId + ": second page of " + description).containsExactlyElementsOf(enginesPage);
  }

  /** Tasklist's filters, the REST API's candidate group query, paging and sorting. */
  private Map<String, Function<TaskQuery, TaskQuery>> queries(String userId) {
    List<String> groups = users.groupsOf(userId);
    Map<String, Function<TaskQuery, TaskQuery>> queries = new HashMap<>();
    queries.put("every task", query -> query.orderByTaskId().asc());
    queries.put("my institution's tasks", query -> query.taskCandidateGroupIn(groups).includeAssignedTasks()
        .orderByDueDate().asc().orderByTaskId().asc());
    queries.put("my tasks", query -> query.taskAssignee(userId).orderByTaskId().asc());
    queries.put("overdue", query -> query.taskCandidateGroupIn(groups).includeAssignedTasks().dueBefore(new Date())
        .orderByTaskId().asc());
    queries.put("candidate group police, newest first", query -> query.taskCandidateGroup("police")
        .orderByTaskCreateTime().desc().orderByTaskId().asc());
    queries.put("first page of referral tasks", query -> query.processDefinitionKey(InstitutionTasks.PROCESS_KEY)
        .orderByTaskId().asc());
    return queries;
  }

  private List<String> everyUser() {
    List<String> userIds = new ArrayList<>(List.of("admin"));
    for (String jurisdiction : JURISDICTIONS) {
      for (Institution institution : Institution.values()) {
        userIds.add(institution.id() + "." + jurisdiction.toLowerCase());
      }
    }
    return userIds;
  }

  private <T> T withTheEnginesOwnStatements(Supplier<T> call) {
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
    Map<String, String> linear = sessions.getStatementMappings();
    Map<String, String> enginesOwn = new HashMap<>(linear);
    LinearAuthorizationChecksPlugin.STATEMENTS.keySet().forEach(enginesOwn::remove);
    sessions.setStatementMappings(enginesOwn);
    try {
      return call.get();
    } finally {
      sessions.setStatementMappings(linear);
    }
  }

  private Authorization grant(int type, String userId, String groupId, Resources resource, String resourceId,
      org.camunda.bpm.engine.authorization.Permission permission) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    authorization.setUserId(userId);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    return engine.getAuthorizationService().saveAuthorization(authorization);
  }

  private List<String> groupsOf(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream().map(link -> link.getGroupId()).toList();
  }

  private static List<String> ids(TaskQuery query) {
    return query.list().stream().map(Task::getId).toList();
  }

  private static List<String> pageIds(TaskQuery query) {
    return query.listPage(2, 3).stream().map(Task::getId).toList();
  }
}
