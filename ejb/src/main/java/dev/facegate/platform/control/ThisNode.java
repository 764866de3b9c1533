package dev.facegate.platform.control;

import dev.facegate.platform.NodeRole;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This server's role, read once; a wrong value fails the deployment with the setting's name. */
@ApplicationScoped
public class ThisNode {

  @Inject
  @ConfigProperty(name = "facegate.role")
  String roleSetting;

  private NodeRole role;

  @PostConstruct
  void read() {
    role = NodeRole.of(roleSetting);
  }

  public NodeRole role() {
    return role;
  }

  /** Whether this server is an inference node (start-up work on the site's data is skipped). */
  public boolean isInference() {
    return role == NodeRole.INFERENCE;
  }
}
