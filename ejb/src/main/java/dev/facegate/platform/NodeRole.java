package dev.facegate.platform;

import java.util.Locale;

/**
 * What this server does in a site ({@code facegate.role}, environment {@code FACEGATE_ROLE}): one
 * EAR, two roles chosen by configuration.
 */
public enum NodeRole {
  /**
   * Console, API, doors and kiosks, with the database and the face index; analyses faces in-process
   * unless inference nodes are configured ({@code facegate.inference.nodes}). The default.
   */
  PORTAL,
  /**
   * Serves the face engine to portal nodes through its remote EJB interface and nothing else: no
   * schema migration on the site database, no first administrator, no default settings.
   */
  INFERENCE;

  /**
   * Reads the setting.
   *
   * @param value {@code portal} or {@code inference}, any case
   * @return the role
   * @throws IllegalArgumentException naming the setting when the value is neither
   */
  public static NodeRole of(String value) {
    String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    for (NodeRole role : values()) {
      if (role.name().equals(normalised)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "facegate.role (FACEGATE_ROLE) must be portal or inference, not '" + value + "'");
  }
}
