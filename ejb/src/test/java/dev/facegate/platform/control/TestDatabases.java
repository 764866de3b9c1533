package dev.facegate.platform.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for tests of SQL that must hold on both vendors: a PostgreSQL server (zonky's
 * embedded binaries, started once per test JVM and stopped with it) and in-memory H2, each migrated
 * with the application's own Flyway migrations, as {@code SchemaMigration} does on a server.
 */
public final class TestDatabases {

  private static final AtomicInteger H2_NAMES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static DataSource postgresSchema;

  private TestDatabases() {}

  /** The two databases FaceGate runs on, by name, for parameterised tests. */
  public static DataSource named(String vendor) {
    return switch (vendor) {
      case "postgresql" -> postgres();
      case "h2" -> h2();
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  /** One migrated PostgreSQL database shared by the JVM's tests (use distinct keys per test). */
  public static synchronized DataSource postgres() {
    if (postgresSchema == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
      postgresSchema = migrated(postgres.getPostgresDatabase(), "postgresql");
    }
    return postgresSchema;
  }

  /** The port of the embedded PostgreSQL server (started if need be). */
  public static synchronized int postgresPort() {
    postgres();
    return postgres.getPort();
  }

  /**
   * A small fixed pool over the PostgreSQL database, as WildFly's datasource pool is: the plain
   * data source opens a new server process per connection, which would dwarf what a benchmark
   * measures.
   */
  public static DataSource pooledPostgres(int size) {
    return new FixedPool(postgres(), size);
  }

  /** A new, migrated in-memory H2 database. */
  public static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(
        "jdbc:h2:mem:test" + H2_NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
    h2.setUser("sa");
    return migrated(h2, "h2");
  }

  private static DataSource migrated(DataSource dataSource, String vendor) {
    Flyway.configure(TestDatabases.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return dataSource;
  }

  private static synchronized void stopPostgres() {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
