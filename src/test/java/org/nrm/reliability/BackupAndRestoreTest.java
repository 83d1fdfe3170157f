package org.nrm.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.identity.IdentityVault;
import org.nrm.intake.IntakeService;
import org.nrm.support.ProductInThisJvm;
import org.nrm.support.ProductProcess;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A backup of the database restored on another server: the product started on the restored copy,
 * with the same identity key, reads the identities stored before the backup and continues the
 * cases where they were. The backup is PostgreSQL's file-system-level one (the data directory of
 * the stopped server, copied): the embedded server ships no {@code pg_dump}; the README gives the
 * {@code pg_dump}/{@code pg_restore} commands for a running production server.
 */
class BackupAndRestoreTest {

  @Test
  void theRestoredDatabaseStartsTheProductWhichReadsTheIdentitiesAndContinuesTheCases() throws Exception {
    Path original = Files.createTempDirectory("nrm-backup-original");
    Path restored = Files.createTempDirectory("nrm-backup-restored");
    String caseId;
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(original).setCleanDataDirectory(false).start();
      try (ConfigurableApplicationContext product = product("backupOriginal", server)) {
        caseId = openCase(product);
      } finally {
        server.close();
      }
      // the backup: the stopped server's data directory, copied elsewhere
      FileSystemUtils.copyRecursively(original, restored);

      EmbeddedPostgres restoredServer = EmbeddedPostgres.builder().setDataDirectory(restored).setCleanDataDirectory(false).start();
      try (ConfigurableApplicationContext product = product("backupRestored", restoredServer)) {
        assertThat(product.getBean(IdentityVault.class).read(caseId, "admin", "verificación de la copia de seguridad").orElseThrow()
            .givenNames()).as("the identity, decrypted with the same key").isEqualTo("Nombre Respaldado");
        ProcessEngine engine = product.getBean(ProcessEngine.class);
        runJobs(engine, caseId);
        Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
            .taskDefinitionKey("UserTask_ReviewScreening").singleResult();
        assertThat(review).as("the case where it was, screened after the restore").isNotNull();
        engine.getTaskService().complete(review.getId(), Map.of("immediateAssistanceCoordinated", true));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
            .taskDefinitionKey("UserTask_DecideIdentification").count()).as("and it goes on").isEqualTo(1);
      } finally {
        restoredServer.close();
      }
    } finally {
      FileSystemUtils.deleteRecursively(original);
      FileSystemUtils.deleteRecursively(restored);
    }
  }

  private static String openCase(ConfigurableApplicationContext product) throws Exception {
    IntakeService intake = product.getBean(IntakeService.class);
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();
    assertThat(intake.validate(new ObjectMapper().readTree("""
        {"jurisdiction": "CR", "detectedAt": "2026-11-20T10:30:00-06:00", "detectionChannel": "hotline",
         "detectionPlace": {"country": "CR", "region": "Centro"}, "sex": "female", "ageYears": 33,
         "nationality": "NI", "migrationStatus": "irregular", "acts": ["recruitment"], "means": ["deception"],
         "purposes": ["forced-labour"], "identity": {"givenNames": "Nombre Respaldado", "familyNames": "Apellido"}}
        """), normalised)).isEmpty();
    String caseId = intake.open(normalised, "police.cr", null, null).caseId();
    return caseId;
  }

  /** The case's due jobs (its screening), as the job executor would run them. */
  private static void runJobs(ProcessEngine engine, String caseId) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult().getId();
    engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private static ConfigurableApplicationContext product(String engineName, EmbeddedPostgres server) throws Exception {
    return ProductInThisJvm.start(engineName, ProductProcess.freePort(), server.getJdbcUrl("postgres", "postgres"));
  }
}
