package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local run as the README starts it: {@code docker/wildfly/run-local.sh} on a WildFly prepared
 * by the same CLI scripts as the run profile (H2, HTTPS). The certificate the script creates at the
 * first start is the only one trusted here, so a page that loads proves the server presents it.
 */
class LocalRunIT {

  private static final int OFFSET = Integer.getInteger("it.localrun.port.offset", 400);
  private static final int HTTP_PORT = 8080 + OFFSET;
  private static final int HTTPS_PORT = 8443 + OFFSET;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private static Path dataDir;
  private static Process server;
  private static HttpClient https;

  @BeforeAll
  static void startTheLocalRun() throws Exception {
    Path home = Path.of(required("it.localrun.home"));
    dataDir = Path.of(required("it.localrun.data"));
    Path log = home.getParent().resolve("local-run.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                required("it.localrun.script"),
                home.toString(),
                required("it.ear"),
                "-Djboss.socket.binding.port-offset=" + OFFSET,
                "-Dfacegate.http.https-port=" + HTTPS_PORT,
                "-Dai.djl.offline=true")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("FACEGATE_DATA_DIR", dataDir.toString());
    builder.environment().remove("FACEGATE_ADMIN_PASSWORD");
    server = builder.start();
    https = waitUntilServingHttps(log);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      server.waitFor();
    }
  }

  @Test
  void pagesAreServedOverHttpsWithTheInstallationsOwnCertificateAndHsts() throws Exception {
    HttpResponse<String> login = https.send(get(httpsUri("/login.xhtml")), text());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("FaceGate");
    assertThat(login.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    X509Certificate presented =
        (X509Certificate) login.sslSession().orElseThrow().getPeerCertificates()[0];
    assertThat(presented.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
  }

  @Test
  void plainHttpIsRedirectedToTheSamePageOnHttps() throws Exception {
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> answer =
        plain.send(get(URI.create("http://localhost:" + HTTP_PORT + "/login.xhtml?x=1")), text());

    assertThat(answer.statusCode()).isEqualTo(308);
    assertThat(answer.headers().firstValue("Location"))
        .contains("https://localhost:" + HTTPS_PORT + "/login.xhtml?x=1");
  }

  @Test
  void theKeyStoreAndItsPasswordAreReadableByTheOwnerOnly() throws IOException {
    Set<PosixFilePermission> ownerOnly =
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/facegate-tls.p12")))
        .isEqualTo(ownerOnly);
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("tls/keystore-password")))
        .isSubsetOf(ownerOnly);
  }

  /** Polls the public health endpoint over HTTPS, trusting only the certificate the script made. */
  private static HttpClient waitUntilServingHttps(Path log) throws Exception {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new AssertionError("run-local.sh exited: " + tail(log));
      }
      Path keystore = dataDir.resolve("tls/facegate-tls.p12");
      Path password = dataDir.resolve("tls/keystore-password");
      if (Files.isRegularFile(keystore) && Files.isRegularFile(password)) {
        HttpClient client =
            HttpClient.newBuilder()
                .sslContext(trusting(keystore, Files.readString(password).strip()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
          HttpResponse<String> health = client.send(get(httpsUri("/api/v1/health")), text());
          if (health.statusCode() == 200) {
            return client;
          }
        } catch (ConnectException | HttpTimeoutException | SSLHandshakeException e) {
          // Not listening yet, or the listener is up before the key store is loaded: poll.
        } catch (IOException e) {
          // The connection was reset while the server starts: poll.
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("No HTTPS answer within " + START_TIMEOUT + ": " + tail(log));
  }

  private static SSLContext trusting(Path keystore, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, password.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("facegate", store.getCertificate("facegate"));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static URI httpsUri(String path) {
    return URI.create("https://localhost:" + HTTPS_PORT + path);
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is set by the ear build (failsafe)");
    }
    return value;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
