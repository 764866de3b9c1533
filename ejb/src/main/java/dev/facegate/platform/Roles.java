package dev.facegate.platform;

/**
 * The container roles the boundaries are guarded with. {@link #ADMIN} and {@link #HR} are the names
 * of {@code dev.facegate.domain.accounts.Role}, given to console and API users by the identity
 * store; {@link #DEVICE} belongs to no account: device use cases (a door's frame) take it with
 * {@code @RunAs} after they have authenticated the device's signature themselves, so the boundaries
 * they call can refuse everybody else. {@link #INFERENCE} belongs to no account either: it is the
 * portal nodes' user on the inference nodes.
 */
public final class Roles {

  /** Administrators: everything, including biometric enrolment and device management. */
  public static final String ADMIN = "ADMIN";

  /** HR and line managers: read people, check-ins and settings. */
  public static final String HR = "HR";

  /** A device-authenticated use case acting on behalf of a door or kiosk. */
  public static final String DEVICE = "DEVICE";

  /**
   * The application user portal nodes authenticate as on inference nodes (created there by {@code
   * docker/wildfly/cli/configure-inference.cli}); it may call the remote face engine and nothing
   * else.
   */
  public static final String INFERENCE = "INFERENCE";

  private Roles() {}
}
