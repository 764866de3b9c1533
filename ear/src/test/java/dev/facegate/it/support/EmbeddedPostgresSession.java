package dev.facegate.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL server (zonky's embedded binaries) once per test JVM, before Arquillian
 * starts WildFly, and stops it when the tests are done. Publishes the connection and a random
 * administrator password as {@code it.*} system properties, which {@code arquillian.xml} hands to
 * the server. Nothing has to be started by hand.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (postgres != null) {
      return;
    }
    try {
      Path dataDirectory =
          Path.of(System.getProperty("it.postgres.dir", "target/it/postgres")).toAbsolutePath();
      Files.createDirectories(dataDirectory.getParent());
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(true)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
    System.setProperty("it.db.url", postgres.getJdbcUrl("postgres", "postgres"));
    System.setProperty("it.db.user", "postgres");
    System.setProperty("it.db.password", "postgres");
    System.setProperty("it.admin.username", TestCredentials.ADMIN_USERNAME);
    System.setProperty("it.admin.password", randomPassword());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", e);
      } finally {
        postgres = null;
      }
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
