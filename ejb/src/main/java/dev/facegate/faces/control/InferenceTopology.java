package dev.facegate.faces.control;

import dev.facegate.platform.NodeRole;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where this server's face analyses run, from its settings: in-process (an inference node, or a
 * portal without inference nodes: the local run and the tests) or on the inference nodes listed in
 * {@code facegate.inference.nodes}, reached with the WildFly EJB client over HTTP remoting.
 *
 * @param role this server's role
 * @param nodes the inference nodes' {@code remote+http} addresses; empty: in-process
 * @param username the application user the portal authenticates as on the inference nodes
 * @param password its password (never logged, never in {@link #toString()})
 */
public record InferenceTopology(
    NodeRole role, List<URI> nodes, Optional<String> username, Optional<String> password) {

  public InferenceTopology {
    Objects.requireNonNull(role, "role is required");
    nodes = List.copyOf(nodes);
    if (!nodes.isEmpty() && role == NodeRole.PORTAL) {
      if (username.filter(u -> !u.isBlank()).isEmpty()
          || password.filter(p -> !p.isBlank()).isEmpty()) {
        throw new IllegalArgumentException(
            "facegate.inference.nodes is set, so FACEGATE_INFERENCE_USERNAME and"
                + " FACEGATE_INFERENCE_PASSWORD must be set too (there is no default password)");
      }
    }
  }

  /**
   * Reads the settings.
   *
   * @param role {@code facegate.role}
   * @param nodeList {@code facegate.inference.nodes}: comma-separated {@code host:port} of the
   *     inference nodes' HTTP ports; absent or blank: in-process
   * @param username {@code facegate.inference.username}
   * @param password {@code facegate.inference.password}
   * @return the topology
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static InferenceTopology of(
      NodeRole role,
      Optional<String> nodeList,
      Optional<String> username,
      Optional<String> password) {
    List<URI> nodes = new ArrayList<>();
    for (String entry : nodeList.orElse("").split(",")) {
      String node = entry.strip();
      if (!node.isEmpty()) {
        nodes.add(address(node));
      }
    }
    return new InferenceTopology(role, nodes, username, password);
  }

  private static URI address(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    String problem = null;
    if (colon <= 0 || colon == hostAndPort.length() - 1 || hostAndPort.contains("/")) {
      problem = "is not host:port";
    } else {
      try {
        int port = Integer.parseInt(hostAndPort.substring(colon + 1));
        if (port < 1 || port > 65535) {
          problem = "has no valid port";
        }
      } catch (NumberFormatException e) {
        problem = "has no valid port";
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "facegate.inference.nodes (FACEGATE_INFERENCE_NODES): '" + hostAndPort + "' " + problem);
    }
    return URI.create("remote+http://" + hostAndPort);
  }

  /**
   * Whether this server analyses faces itself: an inference node always, a portal when it has no
   * inference nodes.
   */
  public boolean engineInProcess() {
    return role == NodeRole.INFERENCE || nodes.isEmpty();
  }

  /**
   * The nodes as the naming client's provider URL: {@code
   * remote+http://a:8080,remote+http://b:8080}.
   */
  public String providerUrl() {
    return String.join(",", nodes.stream().map(URI::toString).toList());
  }

  @Override
  public String toString() {
    return "InferenceTopology[role="
        + role
        + ", nodes="
        + nodes
        + ", username="
        + username.orElse("")
        + "]";
  }
}
