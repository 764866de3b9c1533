package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
 * Console accounts over the REST API on the real server (issue 11, point 6): disable and enable, an
 * administrator's reset with a password shown once, changing one's own password with the current
 * one, and the password rules on every path that sets a password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

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
  void aDisabledAccountCannotLogInUntilItIsEnabledAgain() throws Exception {
    String username = uniqueUsername();
    String password = "amber-falcon-" + UUID.randomUUID();
    createHrAccount(username, password);
    assertThat(read(username, password).statusCode()).isEqualTo(200);

    HttpResponse<String> disabled = post(admin, "api/v1/accounts/" + username + "/disable");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    assertThat(json(disabled).getBoolean("enabled")).isFalse();
    assertThat(read(username, password).statusCode()).isEqualTo(401);

    HttpResponse<String> enabled = post(admin, "api/v1/accounts/" + username + "/enable");
    assertThat(json(enabled).getBoolean("enabled")).isTrue();
    assertThat(read(username, password).statusCode()).isEqualTo(200);
  }

  @Test
  void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
    HttpResponse<String> refused =
        post(admin, "api/v1/accounts/" + TestCredentials.ADMIN_USERNAME + "/disable");

    assertThat(refused.statusCode()).isBetween(400, 499);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(call(admin, "GET", "api/v1/accounts", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aResetPasswordIsShownOnceAndReplacesTheOldOne() throws Exception {
    String username = uniqueUsername();
    String old = "cobalt-meadow-" + UUID.randomUUID();
    createHrAccount(username, old);

    HttpResponse<String> reset = post(admin, "api/v1/accounts/" + username + "/password-reset");

    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    assertThat(reset.headers().firstValue("Cache-Control")).contains("no-store");
    String fresh = json(reset).getString("password");
    assertThat(fresh).hasSizeGreaterThanOrEqualTo(12);
    assertThat(read(username, fresh).statusCode()).isEqualTo(200);
    assertThat(read(username, old).statusCode()).isEqualTo(401);
  }

  @Test
  void usersChangeTheirOwnPasswordWithTheCurrentOneAndTheRules() throws Exception {
    String username = uniqueUsername();
    String current = "silver-harbour-" + UUID.randomUUID();
    createHrAccount(username, current);
    String self = TestCredentials.basic(username, current);
    String fresh = "quiet-lantern-" + UUID.randomUUID();

    assertThat(changePassword(self, "not-the-current-one", fresh).statusCode()).isEqualTo(422);
    assertThat(changePassword(self, current, "Password1234").statusCode()).isEqualTo(422);
    assertThat(changePassword(self, current, "x-" + username + "-long-enough").statusCode())
        .isEqualTo(422);
    assertThat(read(username, current).statusCode()).isEqualTo(200);

    HttpResponse<String> changed = changePassword(self, current, fresh);

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(read(username, fresh).statusCode()).isEqualTo(200);
    assertThat(read(username, current).statusCode()).isEqualTo(401);
  }

  @Test
  void aWeakPasswordIsRefusedWhenAnAccountIsCreated() throws Exception {
    String username = uniqueUsername();

    HttpResponse<String> refused = createAccount(username, "123456789012");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("attackers try first");
  }

  private HttpResponse<String> changePassword(String auth, String current, String fresh)
      throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("currentPassword", current)
            .add("newPassword", fresh)
            .build()
            .toString();
    return call(auth, "PUT", "api/v1/account/password", body);
  }

  private void createHrAccount(String username, String password) throws Exception {
    HttpResponse<String> created = createAccount(username, password);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private HttpResponse<String> createAccount(String username, String password) throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .add("role", "HR")
            .build()
            .toString();
    return call(admin, "POST", "api/v1/accounts", body);
  }

  /** A read an HR account may do, with Basic credentials. */
  private HttpResponse<String> read(String username, String password) throws Exception {
    return call(TestCredentials.basic(username, password), "GET", "api/v1/employees", null);
  }

  private HttpResponse<String> post(String auth, String path) throws Exception {
    return call(auth, "POST", path, "");
  }

  private HttpResponse<String> call(String auth, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String uniqueUsername() {
    return "acct-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
