package dev.facegate.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

/**
 * A kiosk as the kiosk page is, over HTTP: created through the admin API, paired with its one-time
 * code, then sending frames and badges with its credential cookie.
 */
public final class KioskClient {

  private final Api admin;
  private final long deviceId;
  private final String cookie;

  private KioskClient(Api admin, long deviceId, String cookie) {
    this.admin = admin;
    this.deviceId = deviceId;
    this.cookie = cookie;
  }

  /**
   * A browser kiosk created through the admin API.
   *
   * @return its device id and one-time pairing code
   */
  public static Created create(Api admin, String name) {
    Created created = createWithChallenge(admin, name, "main");
    // These kiosks test the agreement, the badge and the page: the head-turn challenge (on by
    // default) has its own tests (KioskChallengeIT).
    Api.Reply off =
        admin.putJson(
            "api/v1/devices/" + created.deviceId() + "/liveness-challenge", "{\"enabled\":false}");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(off.json().getBoolean("livenessChallenge")).isFalse();
    return created;
  }

  /**
   * A browser kiosk at a site, as created: with the head-turn challenge on (the default).
   *
   * @return its device id and one-time pairing code
   */
  public static Created createWithChallenge(Api admin, String name, String site) {
    Api.Reply reply =
        admin.postJson(
            "api/v1/devices",
            "{\"name\":\"" + name + "\",\"kind\":\"KIOSK\",\"site\":\"" + site + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonObject json = reply.json();
    assertThat(json.getJsonObject("device").getBoolean("livenessChallenge")).isTrue();
    return new Created(
        json.getJsonObject("device").getJsonNumber("id").longValue(),
        json.getString("pairingCode"));
  }

  /** A kiosk just created, not yet paired. */
  public record Created(long deviceId, String pairingCode) {}

  /** Pairs with the code as the pairing screen does and keeps the cookie it sets. */
  public static KioskClient pair(Api admin, Created kiosk) {
    Api.Reply reply = pairing(admin, kiosk.pairingCode());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    HttpCookie cookie = kioskCookie(reply);
    return new KioskClient(admin, kiosk.deviceId(), cookie.getName() + "=" + cookie.getValue());
  }

  /** Sends a pairing code without credentials, as the pairing screen does. */
  public static Api.Reply pairing(Api admin, String code) {
    return admin.send(
        HttpRequest.newBuilder(admin.uri("api/v1/kiosk/pairing"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
            .build());
  }

  /** The kiosk cookie a pairing reply sets. */
  public static HttpCookie kioskCookie(Api.Reply reply) {
    List<HttpCookie> cookies = HttpCookie.parse(reply.setCookie());
    return cookies.stream()
        .filter(c -> c.getName().equals("FG_KIOSK"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no FG_KIOSK cookie in " + reply.setCookie()));
  }

  public long deviceId() {
    return deviceId;
  }

  /** The {@code Cookie} header value this kiosk sends. */
  public String cookie() {
    return cookie;
  }

  /** Posts one frame. */
  public Api.Reply frame(byte[] image, String contentType, String query) {
    return admin.send(
        HttpRequest.newBuilder(
                admin.uri("api/v1/kiosk/frames" + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofByteArray(image))
            .build());
  }

  /** Posts a badge try. */
  public Api.Reply badge(String employeeNumber, String pin) {
    return admin.send(
        HttpRequest.newBuilder(admin.uri("api/v1/kiosk/badge"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Cookie", cookie)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"employeeNumber\":\"" + employeeNumber + "\",\"pin\":\"" + pin + "\"}"))
            .build());
  }

  /** This kiosk's check-ins, newest first (through the admin API). */
  public List<JsonObject> checkIns() {
    Api.Reply reply = admin.get("api/v1/check-ins?limit=100&deviceId=" + deviceId);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }
}
