package dev.facegate.accounts.control;

import dev.facegate.domain.accounts.PasswordPolicy;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.accounts.Role;
import dev.facegate.platform.control.PasswordHasher;
import dev.facegate.platform.control.ThisNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator when no console account exists yet. There is no default password:
 * it comes from {@code FACEGATE_ADMIN_PASSWORD} (or the system property {@code
 * facegate.admin.password}); without it a random one is generated and printed once, at this first
 * start only. Only its hash is stored. Not on an inference node: it has no console and no site
 * database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject AccountRepository accounts;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "facegate.admin.username")
  String username;

  @Inject
  @ConfigProperty(name = "facegate.admin.password")
  Optional<String> configuredPassword;

  @Inject ThisNode thisNode;

  @PostConstruct
  void createFirstAdministrator() {
    if (thisNode.isInference() || accounts.count() > 0) {
      return;
    }
    String password;
    if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
      password = configuredPassword.get();
      List<String> problems = PasswordPolicy.problems(username, password.toCharArray());
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "FACEGATE_ADMIN_PASSWORD is not acceptable: " + String.join(" ", problems));
      }
      LOG.info(() -> "Created administrator '" + username + "' with the configured password");
    } else {
      password = randomPassword();
      // Printed deliberately, once: the operator has no other way to learn it.
      LOG.warning(
          "\n==========================================================\n"
              + " FaceGate first start: administrator account created\n"
              + "   username: "
              + username
              + "\n   password: "
              + password
              + "\n This password is shown only now. Set FACEGATE_ADMIN_PASSWORD\n"
              + " before the first start to choose it yourself.\n"
              + "==========================================================");
    }
    accounts.add(
        new PortalAccount(
            username,
            new PasswordHasher().hash(password.toCharArray()),
            Role.ADMIN,
            clock.instant()));
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
