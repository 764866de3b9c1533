package dev.facegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's advisory lock on real PostgreSQL. Each "node" has a pool of one connection whose
 * transaction is opened and ended by hand, as JTA does on a server: the lock lives as long as the
 * transaction that took it.
 */
class ClusterLocksTest {

  @Test
  void aLockHeldByOneTransactionIsRefusedToAnotherUntilItEnds() throws SQLException {
    DataSource poolA = TestDatabases.pooledPostgres(1);
    DataSource poolB = TestDatabases.pooledPostgres(1);
    ClusterLocks nodeA = locks(poolA);
    ClusterLocks nodeB = locks(poolB);
    long lock = ClusterLocks.INDEX_RECONCILER + 1; // not the server's own lock

    // Each pool hands its one connection, in its open transaction, to ClusterLocks.
    begin(poolA);
    begin(poolB);

    assertThat(nodeA.tryForTransaction(lock)).isTrue();
    assertThat(nodeB.tryForTransaction(lock)).as("held by A's transaction").isFalse();

    commit(poolA);
    assertThat(nodeB.tryForTransaction(lock)).as("A's transaction ended").isTrue();
    assertThat(nodeA.tryForTransaction(lock)).isFalse();
    commit(poolB);
  }

  private static void begin(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
    }
  }

  private static ClusterLocks locks(DataSource dataSource) {
    ClusterLocks locks = new ClusterLocks();
    locks.dataSource = dataSource;
    return locks;
  }

  private static void commit(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.commit();
    }
  }
}
