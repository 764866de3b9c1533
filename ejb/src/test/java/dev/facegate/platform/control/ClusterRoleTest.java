package dev.facegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The node's role as the HA singleton service and the single-server fallback set it. */
class ClusterRoleTest {

  @Test
  void aServerWithoutClusteringLeadsAndRunsItsStartUpJobsOnce() {
    ClusterRole.singleServer();

    assertThat(ClusterRole.clustered()).isFalse();
    assertThat(ClusterRole.leads()).isTrue();
    assertThat(ClusterRole.takeElection()).isTrue();
    assertThat(ClusterRole.takeElection()).as("only once").isFalse();
    assertThat(ClusterRole.leads()).isTrue();
  }

  @Test
  void aClusteredNodeLeadsOnlyWhileElected() {
    ClusterRole.clusteredDeployment();
    assertThat(ClusterRole.clustered()).isTrue();
    assertThat(ClusterRole.leads()).isFalse();
    assertThat(ClusterRole.takeElection()).isFalse();

    ClusterRole.elected();
    assertThat(ClusterRole.leads()).isTrue();

    ClusterRole.demoted();
    assertThat(ClusterRole.leads()).isFalse();
    assertThat(ClusterRole.takeElection())
        .as("an election lost before the jobs looked runs nothing")
        .isFalse();

    ClusterRole.elected();
    assertThat(ClusterRole.takeElection()).isTrue();
    assertThat(ClusterRole.takeElection()).isFalse();
  }
}
