package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import java.io.IOException;
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

/** Who may reach what, over plain HTTP against the deployed application. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {

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

  @Test
  void anonymousPageRequestIsSentToTheLoginPage() throws Exception {
    HttpResponse<String> response = get("employees.xhtml", null);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login.xhtml"));
  }

  @Test
  void anonymousApiRequestIsRefusedWithProblemJson() throws Exception {
    HttpResponse<String> response = get("api/v1/employees", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    HttpResponse<String> response =
        get(
            "api/v1/employees",
            TestCredentials.basic(TestCredentials.ADMIN_USERNAME, "wrong-password"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void loginPageAndHealthArePublic() throws Exception {
    assertThat(get("login.xhtml", null).statusCode()).isEqualTo(200);

    HttpResponse<String> health = get("api/v1/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"database\":\"UP\"");
  }

  @Test
  void administratorCanCreateAndReadEmployeesOverRest() throws Exception {
    String admin =
        TestCredentials.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    String number = "API-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(uri("api/v1/employees"))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"employeeNumber\":\""
                            + number
                            + "\",\"fullName\":\"Katherine Johnson\",\"department\":\"Flight\"}")));
    assertThat(created.statusCode()).isEqualTo(201);

    HttpResponse<String> read = get("api/v1/employees/" + number, admin);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("Katherine Johnson").contains("\"status\":\"ACTIVE\"");
  }

  @Test
  void invalidEmployeeIsRefusedWith422AndTheReasons() throws Exception {
    String admin =
        TestCredentials.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("api/v1/employees"))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"employeeNumber\":\"a b\"}")));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("employeeNumber").contains("fullName");
  }

  private HttpResponse<String> get(String path, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(baseUrl.toString()).resolve(path);
  }
}
