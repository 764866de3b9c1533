package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.ConsoleForm;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Response headers and session cookie flags as they leave the real server (issue 11, point 2): what
 * the browser sees, whatever the code intended.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

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
  void loginPageCarriesANonceBasedPolicyWithoutInlineScripts() throws Exception {
    HttpResponse<String> page = get(http, base().resolve("login.xhtml"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertCommonHeaders(page.headers());
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertThat(policies).as("exactly one policy: two would both apply").hasSize(1);
    String policy = policies.getFirst();
    String scriptSrc = directive(policy, "script-src");
    assertThat(scriptSrc).contains("'self'").containsPattern("'nonce-[^']+'");
    assertThat(scriptSrc).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
    assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
    // Every script element of the page carries the nonce; no inline event handler is left.
    String nonce = scriptSrc.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertThat(java.util.Arrays.stream(page.body().split("<script", -1)).skip(1).toList())
        .isNotEmpty()
        .allSatisfy(script -> assertThat(script).contains("nonce=\"" + nonce + "\""));
    assertThat(page.body()).doesNotContainPattern("\\son(click|change|load|submit)=");
  }

  @Test
  void consolePageAfterLoginCarriesTheHeaders() throws Exception {
    HttpClient browser = withCookies();
    HttpResponse<String> login =
        ConsoleForm.logIn(
            browser, base(), TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    assertThat(login.statusCode()).isEqualTo(302);

    HttpResponse<String> page = get(browser, base().resolve("employees.xhtml"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertCommonHeaders(page.headers());
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .satisfies(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
  }

  @Test
  void apiResponsesAndErrorsCarryTheHeaders() throws Exception {
    HttpResponse<String> health = get(http, base().resolve("api/v1/health"));
    HttpResponse<String> unauthorized = get(http, base().resolve("api/v1/employees"));
    HttpResponse<String> redirect = get(http, base().resolve("employees.xhtml"));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(redirect.statusCode()).isEqualTo(302);
    for (HttpResponse<String> response : List.of(health, unauthorized, redirect)) {
      assertCommonHeaders(response.headers());
    }
    assertThat(health.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .satisfies(policy -> assertThat(policy).contains("default-src 'none'"));
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteStrictButNotSecureOverPlainHttp() throws Exception {
    String cookie = sessionCookie(get(http, base().resolve("login.xhtml")));

    assertThat(attributes(cookie)).contains("httponly", "samesite=strict");
    assertThat(attributes(cookie)).doesNotContain("secure");
  }

  @Test
  void sessionCookieIsSecureOverHttps() throws Exception {
    // WildFly's stock HTTPS listener (self-signed certificate) on the same port offset.
    URI https =
        URI.create("https://localhost:" + (baseUrl.getPort() - 8080 + 8443) + "/login.xhtml");
    HttpClient tls =
        HttpClient.newBuilder()
            .sslContext(trustingEveryCertificate())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> page = get(tls, https);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(attributes(sessionCookie(page))).contains("secure", "httponly", "samesite=strict");
  }

  private static void assertCommonHeaders(HttpHeaders headers) {
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  private static String directive(String policy, String name) {
    for (String directive : policy.split(";")) {
      if (directive.strip().startsWith(name + " ")) {
        return directive.strip();
      }
    }
    throw new AssertionError("No " + name + " in " + policy);
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No session cookie: " + response.headers()));
  }

  private static List<String> attributes(String cookie) {
    return java.util.Arrays.stream(cookie.split(";"))
        .skip(1)
        .map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }

  private URI base() {
    return URI.create(baseUrl.toString());
  }

  private static HttpClient withCookies() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The test server's certificate is self-signed; only the cookie flags are under test here. */
  private static SSLContext trustingEveryCertificate() throws Exception {
    X509ExtendedTrustManager trustAll =
        new X509ExtendedTrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, new SecureRandom());
    return context;
  }
}
