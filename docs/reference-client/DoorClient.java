/*
 * FaceGate door-controller reference client. Copy it freely (Apache License 2.0).
 *
 * One file, JDK only (Java 17+ for Ed25519 and java.net.http; no other library):
 *
 *   javac DoorClient.java
 *   java DoorClient keygen door.key                 # once: writes the private key, prints the public key
 *   java DoorClient send https://portal.example 7 door.key frame.jpg
 *   java DoorClient send https://portal.example 7 door.key f1.jpg f2.jpg f3.jpg   # a burst (2 to 5)
 *
 * The door generates its own Ed25519 key pair and keeps the private key (PKCS#8, here a file
 * readable only by the controller's service account). An administrator registers the printed public
 * key for the door in the FaceGate console (Devices) or with PUT /api/v1/devices/{id}/public-key.
 * No secret ever leaves the door.
 *
 * Each request is signed with HTTP Message Signatures (RFC 9421):
 *
 *   Content-Digest: sha-256=:<base64 SHA-256 of the body>:                         (RFC 9530)
 *   Signature-Input: door=("@method" "@path" "content-digest");created=<now>;keyid="<door id>";nonce="<random>"
 *   Signature: door=:<base64 Ed25519 signature over the signature base>:
 *
 * where the signature base is these lines joined by "\n" (no "\n" at the end):
 *
 *   "@method": POST
 *   "@path": /api/v1/doors/<door id>/decisions
 *   "content-digest": sha-256=:...:
 *   "@signature-params": ("@method" "@path" "content-digest");created=...;keyid="...";nonce="..."
 *
 * The portal checks the signature, the 60 s window around created, and replays before it reads the
 * body, then checks the body against Content-Digest. See docs/api.md.
 *
 * A burst (2 to 5 frames taken while the person walks up) adds the passive liveness check: the body
 * is multipart/form-data, one part per frame, the digest is over the whole multipart body, and the
 * signature also covers "content-type" (whose boundary says how the body splits into frames):
 *
 *   "content-type": multipart/form-data; boundary=<boundary>
 *
 * comes after the "content-digest" line, and ("@method" "@path" "content-digest" "content-type")
 * in the parameters.
 */
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

public final class DoorClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI portal;
  private final long doorId;
  private final PrivateKey key;

  public DoorClient(URI portal, long doorId, PrivateKey key) {
    this.portal = portal;
    this.doorId = doorId;
    this.key = key;
  }

  /** Posts one camera frame and returns the portal's JSON answer (decision OPEN or DENY). */
  public HttpResponse<String> decide(byte[] jpeg) throws Exception {
    return post(jpeg, "image/jpeg", false);
  }

  /**
   * Posts a burst of 2 to 5 frames, in the order taken, as one multipart body; the answer's
   * "liveness" says whether the face moved like a head.
   */
  public HttpResponse<String> decideBurst(List<byte[]> jpegs) throws Exception {
    byte[] boundaryBytes = new byte[12];
    RANDOM.nextBytes(boundaryBytes);
    String boundary = "burst-" + HexFormat.of().formatHex(boundaryBytes);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < jpegs.size(); i++) {
      body.writeBytes(
          ("--" + boundary + "\r\n"
                  + "Content-Disposition: form-data; name=\"frame\"; filename=\"frame" + i + ".jpg\"\r\n"
                  + "Content-Type: image/jpeg\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(jpegs.get(i));
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return post(body.toByteArray(), "multipart/form-data; boundary=" + boundary, true);
  }

  private HttpResponse<String> post(byte[] body, String contentType, boolean signContentType)
      throws Exception {
    String path = "/api/v1/doors/" + doorId + "/decisions";
    String digest =
        "sha-256=:"
            + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
            + ":";
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String params =
        (signContentType
                ? "(\"@method\" \"@path\" \"content-digest\" \"content-type\")"
                : "(\"@method\" \"@path\" \"content-digest\")")
            + ";created=" + Instant.now().getEpochSecond()
            + ";keyid=\"" + doorId + "\""
            + ";nonce=\"" + HexFormat.of().formatHex(nonce) + "\"";
    String base =
        "\"@method\": POST\n"
            + "\"@path\": " + path + "\n"
            + "\"content-digest\": " + digest + "\n"
            + (signContentType ? "\"content-type\": " + contentType + "\n" : "")
            + "\"@signature-params\": " + params;
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initSign(key);
    ed25519.update(base.getBytes(StandardCharsets.US_ASCII));
    String signature = Base64.getEncoder().encodeToString(ed25519.sign());

    HttpRequest request =
        HttpRequest.newBuilder(portal.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("Content-Digest", digest)
            .header("Signature-Input", "door=" + params)
            .header("Signature", "door=:" + signature + ":")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Generates the door's key pair; returns the public key as the administrator registers it. */
  static String keygen(Path privateKeyFile) throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.write(privateKeyFile, pair.getPrivate().getEncoded());
    try {
      Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      System.err.println("Protect " + privateKeyFile + ": only the door may read it.");
    }
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----";
  }

  /** Reads a private key written by keygen (PKCS#8 DER, as `openssl pkey -outform DER` writes). */
  static PrivateKey readKey(Path file) throws Exception {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " is not an Ed25519 private key (PKCS#8 DER)", e);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("keygen")) {
      System.out.println(keygen(Path.of(args[1])));
    } else if (args.length >= 5 && args.length <= 9 && args[0].equals("send")) {
      DoorClient door =
          new DoorClient(URI.create(args[1]), Long.parseLong(args[2]), readKey(Path.of(args[3])));
      List<byte[]> frames = new ArrayList<>();
      for (int i = 4; i < args.length; i++) {
        frames.add(Files.readAllBytes(Path.of(args[i])));
      }
      HttpResponse<String> answer =
          frames.size() == 1 ? door.decide(frames.get(0)) : door.decideBurst(frames);
      System.out.println(answer.statusCode() + " " + answer.body());
      System.exit(answer.statusCode() == 200 ? 0 : 1);
    } else {
      System.err.println(
          "usage: java DoorClient keygen KEYFILE\n"
              + "       java DoorClient send PORTAL_URL DOOR_ID KEYFILE FRAME.jpg [up to 4 more]");
      System.exit(2);
    }
  }
}
