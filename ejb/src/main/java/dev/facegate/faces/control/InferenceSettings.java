package dev.facegate.faces.control;

import dev.facegate.platform.NodeRole;
import dev.facegate.platform.control.ThisNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The face engine's placement and the remote call's limits, read once (see {@link
 * InferenceTopology}); wrong values fail the deployment with the setting's name.
 */
@ApplicationScoped
public class InferenceSettings {

  @Inject ThisNode thisNode;

  @Inject
  @ConfigProperty(name = "facegate.inference.nodes")
  Optional<String> nodeList;

  @Inject
  @ConfigProperty(name = "facegate.inference.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "facegate.inference.password")
  Optional<String> password;

  /** The longest a remote analysis may take, queueing on the node included. */
  @Inject
  @ConfigProperty(name = "facegate.inference.call-timeout-ms")
  long callTimeoutMillis;

  /** The longest the readiness check waits for an inference node's answer. */
  @Inject
  @ConfigProperty(name = "facegate.inference.ping-timeout-ms")
  long pingTimeoutMillis;

  @Inject
  @ConfigProperty(name = "facegate.inference.retry-after-seconds")
  int retryAfterSeconds;

  private InferenceTopology topology;

  /**
   * Settings given directly instead of read from the configuration (unit tests, tools).
   *
   * @param topology where analyses run
   * @param callTimeoutMillis the remote analysis' timeout
   * @param pingTimeoutMillis the readiness call's timeout
   * @param retryAfterSeconds what a refused door is told to wait
   * @return the settings
   */
  public static InferenceSettings of(
      InferenceTopology topology,
      long callTimeoutMillis,
      long pingTimeoutMillis,
      int retryAfterSeconds) {
    InferenceSettings settings = new InferenceSettings();
    settings.topology = topology;
    settings.callTimeoutMillis = callTimeoutMillis;
    settings.pingTimeoutMillis = pingTimeoutMillis;
    settings.retryAfterSeconds = retryAfterSeconds;
    return settings;
  }

  /** In-process analysis on a portal (today's single server). */
  public static InferenceSettings inProcess() {
    return of(
        new InferenceTopology(NodeRole.PORTAL, List.of(), Optional.empty(), Optional.empty()),
        5000,
        1000,
        1);
  }

  @PostConstruct
  void read() {
    topology = InferenceTopology.of(thisNode.role(), nodeList, username, password);
  }

  public InferenceTopology topology() {
    return topology;
  }

  public boolean engineInProcess() {
    return topology.engineInProcess();
  }

  public List<URI> nodes() {
    return topology.nodes();
  }

  public long callTimeoutMillis() {
    return callTimeoutMillis;
  }

  public long pingTimeoutMillis() {
    return pingTimeoutMillis;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
