package dev.facegate.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Extra databases on the build's embedded PostgreSQL server, for system tests whose servers must
 * not share the Arquillian server's database (a cluster of nodes with a schema of their own).
 */
public final class PostgresDatabases {

  private PostgresDatabases() {}

  /**
   * Drops and creates the database {@code name} and returns its JDBC URL; the user and password are
   * those of {@code it.db.user} / {@code it.db.password}.
   */
  public static String recreate(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("A database name is lower-case letters, digits and '_'");
    }
    String url = System.getProperty("it.db.url");
    if (url == null) {
      throw new IllegalStateException("it.db.url is set by EmbeddedPostgresSession");
    }
    try (Connection connection =
            DriverManager.getConnection(
                url, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the database " + name, e);
    }
    // it.db.url names the database "postgres": jdbc:postgresql://host:port/postgres?user=...
    return url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
  }
}
