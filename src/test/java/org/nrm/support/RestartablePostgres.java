package org.nrm.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server that a test can stop and start again on the same port and data, as an
 * administrator restarting the database would; the product's pool reconnects by itself.
 */
public final class RestartablePostgres implements AutoCloseable {

  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  public static RestartablePostgres start() throws IOException {
    RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("restartable-postgres"), ProductProcess.freePort());
    postgres.startAgain();
    return postgres;
  }

  public synchronized void stop() throws IOException {
    server.close();
    server = null;
  }

  public synchronized void startAgain() throws IOException {
    server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
    FileSystemUtils.deleteRecursively(data);
  }
}
