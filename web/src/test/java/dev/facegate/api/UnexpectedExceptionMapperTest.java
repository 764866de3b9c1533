package dev.facegate.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

  @Test
  void anOptimisticLockFailureAtCommitIsAConflict() {
    Exception atCommit =
        new EJBTransactionRolledbackException(
            "rolled back",
            new RollbackException("commit failed", new OptimisticLockException("stale")));

    assertThat(UnexpectedExceptionMapper.causedByAConcurrentChange(atCommit)).isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(
            UnexpectedExceptionMapper.causedByAConcurrentChange(
                new IllegalStateException("boom", new NullPointerException())))
        .isFalse();
  }
}
