package dev.facegate.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The administrator the test server bootstraps; its password is random for every test run. */
public final class TestCredentials {

  public static final String ADMIN_USERNAME = "admin";

  private TestCredentials() {}

  public static String adminPassword() {
    String password = System.getProperty("it.admin.password");
    if (password == null) {
      throw new IllegalStateException("it.admin.password is set by EmbeddedPostgresSession");
    }
    return password;
  }

  /** An HTTP Basic {@code Authorization} header value. */
  public static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
