package dev.facegate.platform.control;

import java.util.logging.Logger;

/**
 * What this node is in its cluster: whether the server runs clustered at all, and whether it is the
 * one member that runs the once-per-cluster jobs (the index reconciler). {@link
 * OncePerClusterActivator} sets it when the deployment is installed and when WildFly's HA singleton
 * election moves; the jobs read it.
 *
 * <p>Static, because the MSC service that WildFly elects is created by the server, not by CDI or
 * the EJB container; it lives as long as the deployment's class loader, so a redeployment starts
 * afresh.
 */
public final class ClusterRole {

  private static final Logger LOG = Logger.getLogger(ClusterRole.class.getName());

  private static boolean clustered;
  private static boolean leading;
  private static boolean electionPending;

  private ClusterRole() {}

  /** Whether the server runs a clustered configuration (WildFly's singleton subsystem is there). */
  public static synchronized boolean clustered() {
    return clustered;
  }

  /** Whether this node runs the once-per-cluster jobs now. */
  public static synchronized boolean leads() {
    return leading;
  }

  /**
   * Whether this node became the leader since the last call: the jobs that run "at start-up" run
   * then (also on a node elected later, when the previous leader left).
   */
  public static synchronized boolean takeElection() {
    boolean pending = electionPending && leading;
    electionPending = false;
    return pending;
  }

  /** A server without clustering: it is alone, so it leads. */
  static synchronized void singleServer() {
    clustered = false;
    leading = true;
    electionPending = true;
    LOG.info("No clustering (singleton subsystem absent): this server runs the index reconciler");
  }

  static synchronized void clusteredDeployment() {
    clustered = true;
    leading = false;
    electionPending = false;
  }

  static synchronized void elected() {
    leading = true;
    electionPending = true;
    LOG.info("Elected by the HA singleton policy: this node now runs the index reconciler");
  }

  static synchronized void demoted() {
    if (leading) {
      LOG.info("No longer the HA singleton: another node runs the index reconciler");
    }
    leading = false;
    electionPending = false;
  }
}
