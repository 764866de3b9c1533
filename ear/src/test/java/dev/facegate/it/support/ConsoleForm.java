package dev.facegate.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's login form driven over plain HTTP (no browser), as a browser would post it: for
 * tests of cookies, headers and throttling. The client must keep cookies (a CookieManager).
 */
public final class ConsoleForm {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

  private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

  private ConsoleForm() {}

  /**
   * Opens the login page and posts the credentials.
   *
   * @return the answer to the post: 302 to the console after a success, the login page with a
   *     message otherwise
   */
  public static HttpResponse<String> logIn(
      HttpClient http, URI base, String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> page = http.send(get(base.resolve("login.xhtml")), body());
    Matcher viewState = VIEW_STATE.matcher(page.body());
    if (!viewState.find()) {
      throw new IllegalStateException("No view state on the login page");
    }
    Map<String, String> fields =
        Map.of(
            "loginForm",
            "loginForm",
            "loginForm:username",
            username,
            "loginForm:password",
            password,
            "loginForm:login",
            "",
            "jakarta.faces.ViewState",
            viewState.group(1).replace("&#x3a;", ":"),
            // PrimeFaces' CSP mode refuses a postback without the page's nonce ("CSP nonce
            // mismatch"); its script adds it to every form post, so a browser always sends it.
            "primefaces.nonce",
            nonce(page));
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(base.resolve("login.xhtml"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        body());
  }

  private static String nonce(HttpResponse<String> page) {
    Matcher nonce = NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
    if (!nonce.find()) {
      throw new IllegalStateException("No CSP nonce on the login page");
    }
    return nonce.group(1);
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
