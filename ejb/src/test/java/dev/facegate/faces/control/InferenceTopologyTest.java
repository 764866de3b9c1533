package dev.facegate.faces.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.platform.NodeRole;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferenceTopologyTest {

  private static final Optional<String> USER = Optional.of("portal");
  private static final Optional<String> PASSWORD = Optional.of("not-a-default");

  @Test
  void aPortalWithoutInferenceNodesAnalysesInProcess() {
    assertThat(InferenceTopology.of(NodeRole.PORTAL, Optional.empty(), USER, PASSWORD))
        .satisfies(t -> assertThat(t.engineInProcess()).isTrue())
        .satisfies(t -> assertThat(t.nodes()).isEmpty());
    assertThat(
            InferenceTopology.of(
                    NodeRole.PORTAL, Optional.of(" , "), Optional.empty(), Optional.empty())
                .engineInProcess())
        .as("a blank list, as an unset environment variable gives, is no list")
        .isTrue();
  }

  @Test
  void aPortalWithInferenceNodesCallsThemOverHttpRemoting() {
    InferenceTopology topology =
        InferenceTopology.of(
            NodeRole.PORTAL, Optional.of("gpu-1:8080, 10.0.0.7:8180"), USER, PASSWORD);

    assertThat(topology.engineInProcess()).isFalse();
    assertThat(topology.nodes())
        .containsExactly(
            URI.create("remote+http://gpu-1:8080"), URI.create("remote+http://10.0.0.7:8180"));
    assertThat(topology.providerUrl())
        .isEqualTo("remote+http://gpu-1:8080,remote+http://10.0.0.7:8180");
  }

  @Test
  void anInferenceNodeAnalysesInProcessWhateverTheList() {
    assertThat(
            InferenceTopology.of(NodeRole.INFERENCE, Optional.of("other:8080"), USER, PASSWORD)
                .engineInProcess())
        .isTrue();
  }

  @Test
  void inferenceNodesWithoutCredentialsAreRefusedWithTheSettingsNames() {
    assertThatThrownBy(
            () ->
                InferenceTopology.of(
                    NodeRole.PORTAL, Optional.of("gpu-1:8080"), USER, Optional.of(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FACEGATE_INFERENCE_PASSWORD")
        .hasMessageContaining("no default password");
  }

  @Test
  void aNodeThatIsNotHostAndPortIsRefusedWithTheSettingsName() {
    for (String bad :
        new String[] {
          "gpu-1", "gpu-1:", ":8080", "gpu-1:http", "gpu-1:70000", "http://gpu-1:8080"
        }) {
      assertThatThrownBy(
              () -> InferenceTopology.of(NodeRole.PORTAL, Optional.of(bad), USER, PASSWORD))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FACEGATE_INFERENCE_NODES")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void thePasswordNeverAppearsInTheTopologysText() {
    InferenceTopology topology =
        InferenceTopology.of(NodeRole.PORTAL, Optional.of("gpu-1:8080"), USER, PASSWORD);

    assertThat(topology.toString()).contains("gpu-1").doesNotContain("not-a-default");
  }

  @Test
  void theRoleSettingIsPortalOrInference() {
    assertThat(NodeRole.of(" Inference ")).isEqualTo(NodeRole.INFERENCE);
    assertThat(NodeRole.of("portal")).isEqualTo(NodeRole.PORTAL);
    assertThatThrownBy(() -> NodeRole.of("gpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FACEGATE_ROLE");
  }

  @Test
  void theEjbClientEnvironmentNamesTheNodesTheUserAndTheTimeoutAndRefusesLocalUserLogin() {
    InferenceTopology topology =
        InferenceTopology.of(NodeRole.PORTAL, Optional.of("a:8080,b:8080"), USER, PASSWORD);

    var env = InferenceClients.environment(topology, 1500);

    assertThat(env)
        .containsEntry(
            "java.naming.factory.initial", "org.wildfly.naming.client.WildFlyInitialContextFactory")
        .containsEntry("java.naming.provider.url", "remote+http://a:8080,remote+http://b:8080")
        .containsEntry("java.naming.security.principal", "portal")
        .containsEntry("java.naming.security.credentials", "not-a-default")
        .containsEntry("invocation.timeout", 1500L)
        .containsEntry(
            "jboss.naming.client.connect.options.org.xnio.Options.SASL_DISALLOWED_MECHANISMS",
            "JBOSS-LOCAL-USER");
    assertThat(InferenceClients.jndiName())
        .isEqualTo(
            "ejb:facegate/facegate-ejb/InferenceService!dev.facegate.faces.boundary.FaceAnalysisRemote");
  }
}
