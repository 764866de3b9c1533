package dev.facegate.accounts.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.accounts.control.LoginThrottle.Failures;
import dev.facegate.platform.control.SqlVendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A {@link LoginThrottle.Ledger} in the database (table {@code login_failure}), shared by every
 * node: a failure on any node counts against the same account or address. An update locks the key's
 * row ({@code SELECT ... FOR UPDATE}) for the read-compute-write, so concurrent failures are all
 * counted. It joins the caller's transaction when there is one (an unlock rolls back with its audit
 * entry); without one it runs its own.
 */
public final class LoginFailures implements LoginThrottle.Ledger {

  private static final String COLUMNS = "failures, last_failure_millis, locked_until_millis";

  private final DataSource dataSource;
  private final String scope;

  /**
   * @param scope what the keys are ({@code account}, {@code address}): two throttles, one table
   */
  public LoginFailures(DataSource dataSource, String scope) {
    this.dataSource = requireNonNull(dataSource, "a data source is required");
    this.scope = requireNonNull(scope, "a scope is required");
  }

  @Override
  public Failures find(String key) {
    try (Connection db = dataSource.getConnection()) {
      return select(db, key, false);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the failed logins", e);
    }
  }

  @Override
  public Failures update(String key, UnaryOperator<Failures> next) {
    try (Connection db = dataSource.getConnection()) {
      boolean ownTransaction = db.getAutoCommit();
      if (ownTransaction) {
        db.setAutoCommit(false);
      }
      try {
        Failures updated = update(db, key, next);
        if (ownTransaction) {
          db.commit();
        }
        return updated;
      } catch (SQLException | RuntimeException e) {
        if (ownTransaction) {
          db.rollback();
        }
        throw e;
      } finally {
        if (ownTransaction) {
          db.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the failed login", e);
    }
  }

  private Failures update(Connection db, String key, UnaryOperator<Failures> next)
      throws SQLException {
    Failures current = select(db, key, true);
    if (current == null) {
      Failures first = next.apply(null);
      boolean created =
          SqlVendor.of(db)
              .insertIfAbsent(
                  db,
                  "INSERT INTO login_failure (scope, key_name, "
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?)",
                  statement -> {
                    statement.setString(1, scope);
                    statement.setString(2, key);
                    bind(statement, 3, first);
                  });
      if (created) {
        return first;
      }
      // Another node counted this key's first failure a moment ago: count on top of it.
      current = select(db, key, true);
    }
    Failures updated = next.apply(current);
    try (PreparedStatement statement =
        db.prepareStatement(
            "UPDATE login_failure SET failures = ?, last_failure_millis = ?,"
                + " locked_until_millis = ? WHERE scope = ? AND key_name = ?")) {
      bind(statement, 1, updated);
      statement.setString(4, scope);
      statement.setString(5, key);
      statement.executeUpdate();
    }
    return updated;
  }

  @Override
  public void remove(String key) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement =
            db.prepareStatement("DELETE FROM login_failure WHERE scope = ? AND key_name = ?")) {
      statement.setString(1, scope);
      statement.setString(2, key);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot clear the failed logins", e);
    }
  }

  /** Nothing: the table is purged on a schedule ({@link #purge}), not on the login path. */
  @Override
  public void purgeIfLarge(Instant now, Duration lockout) {}

  /**
   * Deletes the rows whose failures are forgotten at {@code now} (see {@link LoginThrottle}).
   *
   * @return the number of rows deleted
   */
  public int purge(Instant now, Duration lockout) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement =
            db.prepareStatement(
                "DELETE FROM login_failure WHERE scope = ? AND"
                    + " COALESCE(locked_until_millis, last_failure_millis + ?) <= ?")) {
      statement.setString(1, scope);
      statement.setLong(2, lockout.toMillis());
      statement.setLong(3, now.toEpochMilli());
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot purge the failed logins", e);
    }
  }

  private Failures select(Connection db, String key, boolean forUpdate) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM login_failure WHERE scope = ? AND key_name = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      statement.setString(1, scope);
      statement.setString(2, key);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        int count = row.getInt(1);
        Instant last = Instant.ofEpochMilli(row.getLong(2));
        long lockedUntil = row.getLong(3);
        return new Failures(count, last, row.wasNull() ? null : Instant.ofEpochMilli(lockedUntil));
      }
    }
  }

  private static void bind(PreparedStatement statement, int first, Failures failures)
      throws SQLException {
    statement.setInt(first, failures.count());
    statement.setLong(first + 1, failures.last().toEpochMilli());
    if (failures.lockedUntil() == null) {
      statement.setNull(first + 2, Types.BIGINT);
    } else {
      statement.setLong(first + 2, failures.lockedUntil().toEpochMilli());
    }
  }
}
