package dev.facegate.index.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code https} cluster is trusted only through the configured CA, never "trust all". The test
 * node of the build has no TLS (its security plugin is not on Maven Central), so a small HTTPS
 * server with a certificate made here by {@code keytool} plays the cluster: a request that reaches
 * it proves the handshake succeeded.
 */
class ElasticsearchTlsTest {

  private static final FaceModel MODEL = new FaceModel("test-model", "1", 4);
  private static final String PASSWORD = "test-only-keystore";

  @TempDir Path dir;

  private HttpsServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private byte[] certificateDer;

  @BeforeEach
  void startAnHttpsServer() throws Exception {
    Path keystore = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "es",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "es",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        dir.resolve("http_ca.crt").toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    certificateDer = store.getCertificate("es").getEncoded();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          RefusingCluster.refuse(exchange);
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ElasticsearchSettings.Builder settings(String scheme) {
    return ElasticsearchSettings.builder()
        .setUrl(URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort()))
        .setModel(MODEL)
        .optConnectTimeout(Duration.ofSeconds(2))
        .optResponseTimeout(Duration.ofSeconds(3));
  }

  @Test
  void theClusterIsReachedWhenItsCaFingerprintIsConfigured() throws Exception {
    String fingerprint =
        HexFormat.ofDelimiter(":")
            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificateDer));

    ElasticsearchSettings settings = settings("https").optCaFingerprint(fingerprint).build();

    // The server answers 401, so opening fails, but only after a completed TLS handshake.
    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(requests).isNotEmpty();
  }

  @Test
  void theClusterIsReachedWhenItsCaFileIsConfigured() {
    ElasticsearchSettings settings =
        settings("https").optCaFile(dir.resolve("http_ca.crt")).build();

    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(requests).isNotEmpty();
  }

  @Test
  void anotherCertificateIsRefusedBeforeAnyRequestIsSent() {
    ElasticsearchSettings settings = settings("https").optCaFingerprint("ab".repeat(32)).build();

    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(requests).isEmpty();
  }

  @Test
  void withoutACaSettingTheJvmsCasApplyAndASelfSignedClusterIsRefused() {
    ElasticsearchSettings settings = settings("https").build();

    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(requests).isEmpty();
  }

  @Test
  void caSettingsAreRefusedForPlainHttpAndMalformedFingerprints() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings("http").optCaFingerprint("ab".repeat(32)).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings("https").optCaFingerprint("not-a-fingerprint").build());
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }
}
