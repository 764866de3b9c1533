package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.ConsoleForm;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password guessing (issue 11, point 4): back-off, lockout after the configured failures (the
 * default of {@code facegate.login.lockout-failures}, 10; the test server shortens only the
 * back-off, see arquillian.xml), unlock by an administrator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BruteForceIT {

  private static final int LOCKOUT_FAILURES = 10;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String admin =
      TestCredentials.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());

  @Test
  void accountIsLockedAfterRepeatedFailuresUntilAnAdministratorUnlocksIt() throws Exception {
    String username = "guess-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "right-password-" + UUID.randomUUID();
    createHrAccount(username, password);

    int throttled = failUntilLocked(username);

    assertThat(throttled).as("attempts refused by the back-off before the lockout").isPositive();
    HttpResponse<String> rightPassword = call(TestCredentials.basic(username, password));
    assertThat(rightPassword.statusCode()).isEqualTo(429);
    assertThat(rightPassword.body()).contains("locked");
    assertThat(rightPassword.headers().firstValue("Retry-After")).isPresent();
    assertThat(accountJson(username)).contains("\"lockedUntil\":\"");
    HttpResponse<String> page = ConsoleForm.logIn(cookieClient(), base(), username, password);
    assertThat(page.statusCode()).as("the login page refuses too").isEqualTo(200);
    assertThat(page.body()).contains("the account is locked");

    HttpResponse<String> unlock =
        http.send(
            request("api/v1/accounts/" + username + "/unlock")
                .header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unlock.statusCode()).isEqualTo(200);
    // JSON-B leaves null fields out.
    assertThat(unlock.body()).doesNotContain("lockedUntil");

    assertThat(call(TestCredentials.basic(username, password)).statusCode()).isEqualTo(200);
    assertThat(ConsoleForm.logIn(cookieClient(), base(), username, password).statusCode())
        .as("console login redirects to the console")
        .isEqualTo(302);
  }

  @Test
  void anUnknownUsernameIsLockedExactlyLikeARealOne() throws Exception {
    String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

    failUntilLocked(nobody);

    HttpResponse<String> next = call(TestCredentials.basic(nobody, "another guess"));
    assertThat(next.statusCode()).isEqualTo(429);
    assertThat(next.body()).contains("locked");
  }

  /** Sends wrong passwords, waiting out each back-off, until the lockout; returns the 429s seen. */
  private int failUntilLocked(String username) throws Exception {
    int failures = 0;
    int throttled = 0;
    while (failures < LOCKOUT_FAILURES) {
      HttpResponse<String> response =
          call(TestCredentials.basic(username, "wrong-" + UUID.randomUUID()));
      if (response.statusCode() == 429) {
        assertThat(response.body()).doesNotContain("locked");
        throttled++;
        long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
      } else {
        assertThat(response.statusCode()).isEqualTo(401);
        failures++;
      }
    }
    return throttled;
  }

  private void createHrAccount(String username, String password) throws Exception {
    HttpResponse<String> created =
        http.send(
            request("api/v1/accounts")
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\""
                            + username
                            + "\",\"password\":\""
                            + password
                            + "\",\"role\":\"HR\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private String accountJson(String username) throws Exception {
    String all = call(admin, "api/v1/accounts").body();
    int at = all.indexOf("\"username\":\"" + username + "\"");
    assertThat(at).as(all).isNotNegative();
    return all.substring(all.lastIndexOf('{', at), all.indexOf('}', at) + 1);
  }

  private HttpResponse<String> call(String authorization) throws Exception {
    return call(authorization, "api/v1/employees");
  }

  private HttpResponse<String> call(String authorization, String path) throws Exception {
    return http.send(
        request(path).header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private static HttpClient cookieClient() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private URI base() {
    return URI.create(baseUrl.toString());
  }
}
