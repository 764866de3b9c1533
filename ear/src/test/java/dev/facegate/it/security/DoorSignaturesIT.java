package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import javax.tools.ToolProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The door protocol's credentials over HTTP: RFC 9421 signatures with the door's own key, key
 * rotation, the body limit enforced before the body is read, and the legacy token scheme that only
 * legacy devices may use. Frames without a face keep the tests fast (a NO_FACE answer is a 200).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DoorSignaturesIT {

  private static final String NO_FACE = "dlib_faces/dogs.jpg";
  private static final long MAX_BYTES = 10L * 1024 * 1024;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private Api api;
  private Gallery gallery;
  private byte[] frame;

  @BeforeEach
  void setUp() {
    api = Api.asAdmin(baseUrl);
    gallery = new Gallery(api);
    frame = Faces.read(NO_FACE);
  }

  @Test
  void aDoorSignsWithItsOwnKeyAndTheServerKeepsOnlyThePublicKey() {
    DoorClient door = gallery.door("Keyed door " + System.nanoTime());

    Api.Reply reply = door.decide(frame);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getString("outcome")).isEqualTo("NO_FACE");
    Api.Reply device = api.get("api/v1/devices");
    assertThat(device.body())
        .contains("\"legacy\":false", "\"keyFingerprint\":\"SHA256:")
        .doesNotContain("tokenHash");
  }

  @Test
  void aNewKeyReplacesTheOldOneAtOnce() {
    DoorClient door = gallery.door("Rotated door " + System.nanoTime());
    KeyPair newKeys = DoorClient.newKeyPair();

    Api.Reply registered = registerKey(door.doorId(), DoorClient.publicKeyText(newKeys));

    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(
            door.send(door.signed(frame, Instant.now(), door.privateKey(), "image/jpeg")).status())
        .isEqualTo(401);
    assertThat(
            door.send(door.signed(frame, Instant.now(), newKeys.getPrivate(), "image/jpeg"))
                .status())
        .isEqualTo(200);
    // A device with a key has no token to rotate.
    assertThat(api.postJson("api/v1/devices/" + door.doorId() + "/token", "").status())
        .isEqualTo(422);
  }

  @Test
  void aKeyMustBeAnEd25519PublicKeyAndANewDeviceNeedsOne() {
    String rsa =
        "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"
            + "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==";
    for (String credential : new String[] {"", ",\"publicKey\":\"" + rsa + "\""}) {
      Api.Reply reply =
          api.postJson(
              "api/v1/devices",
              "{\"name\":\"No key\",\"kind\":\"DOOR\",\"site\":\"main\",\"doorName\":\"x\""
                  + credential
                  + "}");
      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body()).contains("publicKey");
    }
  }

  @Test
  void aSignatureWithoutItsDigestOrOverTooLittleIsRefused() {
    DoorClient door = gallery.door("Partial door " + System.nanoTime());
    Map<String, String> headers =
        DoorClient.signatureHeaders(
            door.doorId(), DoorClient.sha256(frame), Instant.now(), door.privateKey());

    Map<String, String> noDigest = new java.util.LinkedHashMap<>(headers);
    noDigest.remove("Content-Digest");
    Api.Reply withoutDigest =
        door.send(
            door.signed(
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(frame),
                noDigest,
                "image/jpeg"));
    assertThat(withoutDigest.status()).isEqualTo(401);
    assertThat(withoutDigest.body()).contains("Content-Digest");

    Map<String, String> malformed = new java.util.LinkedHashMap<>(headers);
    malformed.put("Signature-Input", "door=(\"@method\" \"@path\";created=1");
    assertThat(
            door.send(
                    door.signed(
                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(frame),
                        malformed,
                        "image/jpeg"))
                .status())
        .isEqualTo(401);
    assertThat(gallery.checkInsOf(door)).isZero();
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
    DoorClient door = gallery.door("Big body door " + System.nanoTime());
    Map<String, String> signed =
        DoorClient.signatureHeaders(
            door.doorId(), DoorClient.sha256(new byte[1]), Instant.now(), door.privateKey());

    // Headers only: the body is never sent. A server that tried to read it would wait for it,
    // and the socket's read timeout would fail the test; the answer comes from the headers alone.
    assertThat(statusWithoutSendingTheBody(door, signed, MAX_BYTES + 1)).isEqualTo(413);
    // Without a valid signature the same request is refused as unauthenticated, also unread.
    assertThat(statusWithoutSendingTheBody(door, Map.of(), MAX_BYTES + 1)).isEqualTo(401);
    assertThat(gallery.checkInsOf(door)).isZero();
  }

  @Test
  void aLegacyDeviceStillWorksWithItsTokenUntilItGetsAKey() {
    DoorClient legacy = gallery.legacyDoor("Legacy door " + System.nanoTime());

    Api.Reply reply = legacy.decide(frame);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(
            legacy
                .send(legacy.signedLegacy(frame, Instant.now(), "fgd_not-the-token", "image/jpeg"))
                .status())
        .isEqualTo(401);

    // Registering a key ends the token for good.
    KeyPair keys = DoorClient.newKeyPair();
    assertThat(registerKey(legacy.doorId(), DoorClient.publicKeyText(keys)).status())
        .isEqualTo(200);
    Api.Reply withToken =
        legacy.send(
            legacy.signedLegacy(frame, Instant.now().plusSeconds(1), legacy.token(), "image/jpeg"));
    assertThat(withToken.status()).isEqualTo(401);
    assertThat(
            legacy
                .send(legacy.signed(frame, Instant.now(), keys.getPrivate(), "image/jpeg"))
                .status())
        .isEqualTo(200);
    assertThat(gallery.checkInsOf(legacy)).isEqualTo(2);
  }

  @Test
  void aDeviceWithAKeyRefusesTheTokenScheme() {
    DoorClient door = gallery.door("No token door " + System.nanoTime());

    Api.Reply reply =
        door.send(door.signedLegacy(frame, Instant.now(), "fgd_anything", "image/jpeg"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).contains("token scheme is off");
    assertThat(gallery.checkInsOf(door)).isZero();
  }

  /** The reference client shipped in docs/ compiles with javac alone and opens a door. */
  @Test
  void theReferenceClientInTheDocsIsAcceptedAsIs() throws Exception {
    Path source = Path.of("..", "docs", "reference-client", "DoorClient.java");
    Path classes = Files.createTempDirectory("reference-client");
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString());
    assertThat(compiled).as("javac " + source).isZero();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> client = loader.loadClass("DoorClient");
      Method keygen = client.getDeclaredMethod("keygen", Path.class);
      Method readKey = client.getDeclaredMethod("readKey", Path.class);
      keygen.setAccessible(true);
      readKey.setAccessible(true);
      Path keyFile = classes.resolve("door.key");
      String publicKeyPem = (String) keygen.invoke(null, keyFile);

      JsonObject created =
          api.postJson(
                  "api/v1/devices",
                  "{\"name\":\"Vendor door\",\"kind\":\"DOOR\",\"site\":\"main\","
                      + "\"doorName\":\"Vendor door\",\"publicKey\":\""
                      + publicKeyPem.replace("\n", "\\n")
                      + "\"}")
              .json();
      long doorId = created.getJsonObject("device").getJsonNumber("id").longValue();
      Object door =
          client
              .getConstructor(URI.class, long.class, PrivateKey.class)
              .newInstance(URI.create(baseUrl.toString()), doorId, readKey.invoke(null, keyFile));
      @SuppressWarnings("unchecked")
      HttpResponse<String> answer =
          (HttpResponse<String>) client.getMethod("decide", byte[].class).invoke(door, frame);

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("\"outcome\":\"NO_FACE\"");

      // A burst: multipart, signed over content-type too; nobody to check, so not checked.
      @SuppressWarnings("unchecked")
      HttpResponse<String> burst =
          (HttpResponse<String>)
              client
                  .getMethod("decideBurst", java.util.List.class)
                  .invoke(door, java.util.List.of(frame, frame));
      assertThat(burst.statusCode()).as(burst.body()).isEqualTo(200);
      assertThat(burst.body())
          .contains("\"outcome\":\"NO_FACE\"")
          .contains("\"frames\":2")
          .contains("\"result\":\"NOT_CHECKED\"");
    }
  }

  private Api.Reply registerKey(long deviceId, String publicKey) {
    return api.send(
        java.net.http.HttpRequest.newBuilder(api.uri("api/v1/devices/" + deviceId + "/public-key"))
            .header("Content-Type", "application/json")
            .header("Authorization", adminAuthorization())
            .PUT(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"publicKey\":\"" + publicKey + "\"}"))
            .build());
  }

  private static String adminAuthorization() {
    return dev.facegate.it.support.TestCredentials.basic(
        dev.facegate.it.support.TestCredentials.ADMIN_USERNAME,
        dev.facegate.it.support.TestCredentials.adminPassword());
  }

  /**
   * Sends the request line and headers with a Content-Length, and none of the body; returns the
   * status of the answer, which must come within 20 s.
   */
  private int statusWithoutSendingTheBody(
      DoorClient door, Map<String, String> headers, long contentLength) throws IOException {
    try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
      socket.setSoTimeout(20_000);
      StringBuilder request =
          new StringBuilder("POST ")
              .append(door.path())
              .append(" HTTP/1.1\r\nHost: ")
              .append(baseUrl.getHost())
              .append(':')
              .append(baseUrl.getPort())
              .append("\r\nContent-Type: image/jpeg\r\nContent-Length: ")
              .append(contentLength)
              .append("\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        statusLine.write(b);
      }
      String line = statusLine.toString(StandardCharsets.US_ASCII);
      assertThat(line).as("status line").startsWith("HTTP/1.1 ");
      return Integer.parseInt(line.substring(9, 12));
    }
  }
}
