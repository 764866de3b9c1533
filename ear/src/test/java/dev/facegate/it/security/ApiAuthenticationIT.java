package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.ConsoleForm;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How REST callers authenticate (issue 11, point 3): Basic only on protected paths, personal API
 * tokens, no HTTP session for API calls, and no write call on the strength of a console cookie.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAuthenticationIT {

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
  void credentialsOnThePublicHealthProbeAreNotLookedAt() throws Exception {
    for (String authorization :
        new String[] {TestCredentials.basic("nobody", "x"), "Basic !!!", "Bearer fgt_unknown"}) {
      HttpResponse<String> health =
          send(get("api/v1/health").header("Authorization", authorization));

      // Answered as if anonymous: not a 401, no challenge, no session; the password is not checked.
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(health.headers().allValues("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void apiCallsCreateNoSession() throws Exception {
    HttpResponse<String> read = send(get("api/v1/employees").header("Authorization", admin));
    HttpResponse<String> write =
        send(postJson("api/v1/employees", employeeJson()).header("Authorization", admin));
    HttpResponse<String> refused =
        send(get("api/v1/employees").header("Authorization", TestCredentials.basic("x", "y")));

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(write.statusCode()).isEqualTo(201);
    assertThat(refused.statusCode()).isEqualTo(401);
    for (HttpResponse<String> response : java.util.List.of(read, write, refused)) {
      assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void aConsoleSessionMayReadButNotWriteThroughTheApi() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> login =
        ConsoleForm.logIn(
            browser, base(), TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    assertThat(login.statusCode()).isEqualTo(302);

    HttpResponse<String> read = browser.send(get("api/v1/employees").build(), ofString());
    HttpResponse<String> write =
        browser.send(postJson("api/v1/employees", employeeJson()).build(), ofString());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(write.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(write.body()).contains("console session");
  }

  @Test
  void aCrossSiteFormPostToABodylessWriteIsRefusedByItsMediaType() throws Exception {
    HttpResponse<String> response =
        send(
            request("api/v1/index/rebuild")
                .header("Authorization", admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void aTokenActsForItsOwnerUntilItIsRevoked() throws Exception {
    JsonObject created = createToken(admin, Instant.now().plus(Duration.ofDays(1)));
    String bearer = "Bearer " + created.getString("secret");
    long id = created.getJsonObject("token").getJsonNumber("id").longValue();
    assertThat(created.getString("secret")).startsWith("fgt_");

    HttpResponse<String> read = send(get("api/v1/employees").header("Authorization", bearer));
    HttpResponse<String> write =
        send(postJson("api/v1/employees", employeeJson()).header("Authorization", bearer));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(write.statusCode()).isEqualTo(201);
    assertThat(write.headers().allValues("Set-Cookie")).isEmpty();
    HttpResponse<String> listed = send(get("api/v1/tokens").header("Authorization", bearer));
    assertThat(listed.body()).contains("\"id\":" + id).doesNotContain(created.getString("secret"));

    HttpResponse<String> revoked =
        send(request("api/v1/tokens/" + id).header("Authorization", admin).DELETE());
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(revoked.body()).contains("revokedAt");

    HttpResponse<String> afterwards = send(get("api/v1/employees").header("Authorization", bearer));
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(afterwards.body()).contains("API token");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Instant expiry = Instant.now().plusSeconds(3);
    String bearer = "Bearer " + createToken(admin, expiry).getString("secret");
    assertThat(send(get("api/v1/employees").header("Authorization", bearer)).statusCode())
        .isEqualTo(200);

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 500);

    assertThat(send(get("api/v1/employees").header("Authorization", bearer)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTokenCarriesItsOwnersRoleOnly() throws Exception {
    String username = "hr-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "hr-password-" + UUID.randomUUID();
    HttpResponse<String> account =
        send(
            postJson(
                    "api/v1/accounts",
                    "{\"username\":\""
                        + username
                        + "\",\"password\":\""
                        + password
                        + "\",\"role\":\"HR\"}")
                .header("Authorization", admin));
    assertThat(account.statusCode()).isEqualTo(201);
    String bearer =
        "Bearer "
            + createToken(
                    TestCredentials.basic(username, password),
                    Instant.now().plus(Duration.ofDays(1)))
                .getString("secret");

    assertThat(send(get("api/v1/employees").header("Authorization", bearer)).statusCode())
        .isEqualTo(200);
    assertThat(
            send(postJson("api/v1/employees", employeeJson()).header("Authorization", bearer))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aTokenWithoutExpiryOrBeyondTheLimitIsRefusedWithTheReason() throws Exception {
    HttpResponse<String> response =
        send(
            postJson(
                    "api/v1/tokens",
                    "{\"name\":\"too long\",\"expiresAt\":\""
                        + Instant.now().plus(Duration.ofDays(400))
                        + "\"}")
                .header("Authorization", admin));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("at most 365 days");
  }

  private JsonObject createToken(String authorization, Instant expiresAt) throws Exception {
    HttpResponse<String> response =
        send(
            postJson(
                    "api/v1/tokens",
                    "{\"name\":\"it "
                        + UUID.randomUUID()
                        + "\",\"expiresAt\":\""
                        + expiresAt
                        + "\"}")
                .header("Authorization", authorization));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String employeeJson() {
    return "{\"employeeNumber\":\"TOK-"
        + UUID.randomUUID().toString().substring(0, 8)
        + "\",\"fullName\":\"Grace Hopper\",\"department\":\"Navy\"}";
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder postJson(String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), ofString());
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private URI base() {
    return URI.create(baseUrl.toString());
  }
}
