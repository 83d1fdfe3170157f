package org.nrm.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nrm.NrmApplication;
import org.nrm.rules.CaseDecisionService;
import org.nrm.rules.ClasspathRules;
import org.nrm.rules.RuleSetActivation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The product as deployed: profile {@code postgres}, configuration from the environment, started and
 * restarted on one database.
 */
class ProductionProfileTest {

  private static final String STRONG_PASSWORD = "Adm1n-Pass!2026";
  private static final String IDENTITY_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  private static EmbeddedPostgres postgres;
  private static int databases;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void anUnchangedRestartDeploysTheModelsAndRulesOnce() throws Exception {
    String database = newDatabase();
    start(database, "--NRM_ADMIN_PASSWORD=" + STRONG_PASSWORD).close();

    try (ConfigurableApplicationContext restarted = start(database, "--NRM_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
      var repository = restarted.getBean(ProcessEngine.class).getRepositoryService();
      assertThat(repository.createDeploymentQuery().deploymentName(ModelDeploymentPlugin.DEPLOYMENT_NAME).count()).isEqualTo(1);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("NrmCaseProcess").count()).isEqualTo(1);
      assertThat(repository.createDeploymentQuery().deploymentName("nrm-rules").count()).isEqualTo(1);
      String deploymentId = repository.createDeploymentQuery().deploymentName(ModelDeploymentPlugin.DEPLOYMENT_NAME)
          .singleResult().getId();
      List<String> repositoryFiles = new ArrayList<>(ClasspathFolder.find("processes", "**/*.bpmn", "**/*.dmn").keySet());
      repositoryFiles.addAll(ClasspathFolder.find("forms", "**/*.form").keySet());
      assertThat(repositoryFiles).contains("processes/NrmCaseProcess.bpmn", "forms/review-screening.form");
      assertThat(repository.getDeploymentResourceNames(deploymentId)).containsExactlyInAnyOrderElementsOf(repositoryFiles);
    }
  }

  @Test
  void anAnalystsRuleSetSurvivesARestart() throws Exception {
    String database = newDatabase();
    String analystsVersion;
    try (ConfigurableApplicationContext first = start(database, "--NRM_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
      analystsVersion = first.getBean(RuleSetActivation.class).replace(ClasspathRules.files(), "analyst", "Reglas del analista en la prueba").version();
    }

    try (ConfigurableApplicationContext restarted = start(database, "--NRM_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
      assertThat(restarted.getBean(CaseDecisionService.class).active().version()).isEqualTo(analystsVersion);
    }
  }

  @Test
  void productionCreatesTheAdministratorAndNoDemoUsers() throws Exception {
    try (ConfigurableApplicationContext context = start(newDatabase(), "--NRM_ADMIN_PASSWORD=" + STRONG_PASSWORD)) {
      var identity = context.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("admin");
      assertThat(identity.checkPassword("admin", STRONG_PASSWORD)).isTrue();
      assertThat(identity.createGroupQuery().groupId("police").count()).isEqualTo(1);
    }
  }

  @Test
  void productionRefusesToStartWithoutAnAdministratorPassword() throws Exception {
    String database = newDatabase();

    assertThatThrownBy(() -> start(database).close())
        .hasStackTraceContaining("NRM_ADMIN_PASSWORD");
  }

  @Test
  void productionRefusesToStartWithoutAnIdentityKey() throws Exception {
    String database = newDatabase();

    assertThatThrownBy(() -> startWithoutIdentityKey(database, "--NRM_ADMIN_PASSWORD=" + STRONG_PASSWORD).close())
        .hasStackTraceContaining("NRM_IDENTITY_KEY");
  }

  @Test
  void productionRefusesAnAdministratorPasswordThatBreaksThePasswordPolicy() throws Exception {
    String database = newDatabase();

    assertThatThrownBy(() -> start(database, "--NRM_ADMIN_PASSWORD=demo").close())
        .hasStackTraceContaining("policy");
  }

  private static ConfigurableApplicationContext start(String database, String... extraArguments) {
    List<String> arguments = new ArrayList<>(List.of(extraArguments));
    arguments.add("--NRM_IDENTITY_KEY=" + IDENTITY_KEY);
    return startWithoutIdentityKey(database, arguments.toArray(String[]::new));
  }

  private static ConfigurableApplicationContext startWithoutIdentityKey(String database, String... extraArguments) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--server.port=0",
        // Camunda registers engines by name in a JVM-wide registry: closing an engine named "default"
        // here would unregister the one that the shared test context serves through REST (no hyphens:
        // the starter ignores a name with one)
        "--camunda.bpm.process-engine-name=productionProfileTest",
        // the webapps keep JVM-wide state too; this test needs the engine, not Tasklist
        "--camunda.bpm.webapp.enabled=false",
        "--NRM_DB_URL=" + postgres.getJdbcUrl("postgres", database),
        "--NRM_DB_USER=postgres",
        "--NRM_DB_PASSWORD=postgres"));
    arguments.addAll(List.of(extraArguments));
    return new SpringApplicationBuilder(NrmApplication.class).run(arguments.toArray(String[]::new));
  }

  private static String newDatabase() throws Exception {
    String name = "production_" + (++databases);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }
}
