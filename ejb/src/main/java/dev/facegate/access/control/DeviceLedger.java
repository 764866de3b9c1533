package dev.facegate.access.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.platform.control.SqlVendor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The door guards' state shared by every node, in the database: the signatures seen inside the
 * window (a replay is refused by the primary key, on whichever node it arrives) and token buckets
 * (a device's request rate, a client address's pairing attempts), each taken from by one
 * conditional {@code UPDATE}, so concurrent requests on any number of nodes never overdraw a
 * bucket. Every method is one or two statements that are each atomic on their own: callers run them
 * outside a transaction (auto-commit), so a refused door does not roll its token or its signature
 * back.
 *
 * <p>Plain JDBC on a {@link DataSource}, so it is tested against PostgreSQL and H2 without a
 * server. Why the database and not an Infinispan cache: docs/scale-out.md, section 2.
 */
public final class DeviceLedger {

  /** A bucket's size and refill rate. */
  public record RateLimit(double capacity, double perSecond) {
    public RateLimit {
      if (!(capacity >= 1) || !(perSecond > 0)) {
        throw new IllegalArgumentException(
            "a rate limit needs a capacity of at least 1 and a positive rate");
      }
    }

    /** How long an empty bucket takes to be full again; an idle row older than this is full. */
    long refillMillis() {
      return (long) Math.ceil(capacity / perSecond * 1000);
    }
  }

  private static final String INSERT_SIGNATURE =
      "INSERT INTO seen_signature (digest, seen_at_millis) VALUES (?, ?)";

  // The refill is computed inside the statement from the row it locks, so a concurrent request
  // (on this node or another) waits for the row and is evaluated against the tokens left after it.
  // The casts matter to H2, which would otherwise type a parameter like its other operand (a rate
  // of 0.002 per millisecond times a BIGINT would become 0).
  private static final String REFILLED =
      "LEAST(CAST(? AS DOUBLE PRECISION), tokens"
          + " + GREATEST(CAST(? AS BIGINT) - refilled_at_millis, 0) * CAST(? AS DOUBLE PRECISION))";

  private static final String TAKE_TOKEN =
      "UPDATE rate_bucket SET tokens = "
          + REFILLED
          + " - 1, refilled_at_millis = GREATEST(refilled_at_millis, CAST(? AS BIGINT))"
          + " WHERE bucket_key = ? AND "
          + REFILLED
          + " >= 1";

  private static final String INSERT_BUCKET =
      "INSERT INTO rate_bucket (bucket_key, tokens, refilled_at_millis) VALUES (?, ?, ?)";

  private static final String TOKENS =
      "SELECT " + REFILLED + " FROM rate_bucket WHERE bucket_key = ?";

  private final DataSource dataSource;
  private volatile SqlVendor vendor;

  public DeviceLedger(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "a data source is required");
  }

  /**
   * Records a request signature.
   *
   * @return false if any node has seen it already (a replay)
   */
  public boolean firstUse(String signature, Instant now) {
    String digest = digest(signature.toLowerCase(Locale.ROOT));
    try (Connection db = dataSource.getConnection()) {
      return vendor(db)
          .insertIfAbsent(
              db,
              INSERT_SIGNATURE,
              statement -> {
                statement.setString(1, digest);
                statement.setLong(2, now.toEpochMilli());
              });
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record the request signature", e);
    }
  }

  /**
   * Takes one token from a bucket, which starts full.
   *
   * @return false when it is empty
   */
  public boolean tryAcquire(String bucketKey, RateLimit limit, long nowMillis) {
    try (Connection db = dataSource.getConnection()) {
      if (takeToken(db, bucketKey, limit, nowMillis)) {
        return true;
      }
      // No row yet (first request of this key), or an empty bucket. Creating the row takes the
      // first token; if another request created it meanwhile, take from it like any other.
      boolean created =
          vendor(db)
              .insertIfAbsent(
                  db,
                  INSERT_BUCKET,
                  statement -> {
                    statement.setString(1, bucketKey);
                    statement.setDouble(2, limit.capacity() - 1);
                    statement.setLong(3, nowMillis);
                  });
      return created || takeToken(db, bucketKey, limit, nowMillis);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take from the rate limit of " + bucketKey, e);
    }
  }

  /** Whether the bucket holds a token now, without taking it. */
  public boolean hasToken(String bucketKey, RateLimit limit, long nowMillis) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement statement = db.prepareStatement(TOKENS)) {
      bindRefill(statement, 1, limit, nowMillis);
      statement.setString(4, bucketKey);
      try (ResultSet row = statement.executeQuery()) {
        return !row.next() || row.getDouble(1) >= 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the rate limit of " + bucketKey, e);
    }
  }

  /**
   * Forgets signatures seen before the cutoff (they are outside every window now) and buckets idle
   * long enough to be full again.
   *
   * @return the number of rows deleted
   */
  public int purge(Instant signaturesBefore, long bucketsIdleBeforeMillis) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement signatures =
            db.prepareStatement("DELETE FROM seen_signature WHERE seen_at_millis < ?");
        PreparedStatement buckets =
            db.prepareStatement("DELETE FROM rate_bucket WHERE refilled_at_millis < ?")) {
      signatures.setLong(1, signaturesBefore.toEpochMilli());
      buckets.setLong(1, bucketsIdleBeforeMillis);
      return signatures.executeUpdate() + buckets.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot purge the door guards' old rows", e);
    }
  }

  private boolean takeToken(Connection db, String bucketKey, RateLimit limit, long nowMillis)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(TAKE_TOKEN)) {
      bindRefill(statement, 1, limit, nowMillis);
      statement.setLong(4, nowMillis);
      statement.setString(5, bucketKey);
      bindRefill(statement, 6, limit, nowMillis);
      return statement.executeUpdate() == 1;
    }
  }

  private static void bindRefill(
      PreparedStatement statement, int first, RateLimit limit, long nowMillis) throws SQLException {
    statement.setDouble(first, limit.capacity());
    statement.setLong(first + 1, nowMillis);
    statement.setDouble(first + 2, limit.perSecond() / 1000.0);
  }

  private SqlVendor vendor(Connection db) throws SQLException {
    SqlVendor known = vendor;
    if (known == null) {
      known = SqlVendor.of(db);
      vendor = known;
    }
    return known;
  }

  /** The key stored for a signature: a fixed-size digest instead of the signature itself. */
  static String digest(String signature) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(signature.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
