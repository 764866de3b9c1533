package dev.facegate.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.util.UUID;

/** Test data through the admin API: employees with consent and enrolled photos, devices. */
public final class Gallery {

  private final Api api;

  public Gallery(Api api) {
    this.api = api;
  }

  /** Creates an employee with a unique number; returns the number. */
  public String employee(String name, String department) {
    String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.postJson(
            "api/v1/employees",
            "{\"employeeNumber\":\""
                + number
                + "\",\"fullName\":\""
                + name
                + "\",\"department\":\""
                + department
                + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return number;
  }

  public void consent(String number) {
    Api.Reply reply =
        api.postJson("api/v1/employees/" + number + "/consent", "{\"noticeVersion\":\"2026-11\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  /** Enrols photos that must all pass the quality gate. */
  public void enrol(String number, String... photos) {
    for (String photo : photos) {
      Api.Reply reply =
          api.postImage(
              "api/v1/employees/" + number + "/templates", Faces.read(photo), "image/jpeg");
      assertThat(reply.status()).as(photo + ": " + reply.body()).isEqualTo(201);
    }
  }

  /**
   * The same as {@link #enrolled}, once per test run: system tests share one gallery, and the
   * quality gate refuses a second employee with the same face, so the test classes that need the
   * same person share this one.
   */
  public String enrolledOnce(String name, String... photos) {
    return ONCE.computeIfAbsent(
        name + " " + String.join(" ", photos), key -> enrolled(name, photos));
  }

  private static final java.util.Map<String, String> ONCE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** An employee with consent and the given photos enrolled; returns the number. */
  public String enrolled(String name, String... photos) {
    String number = employee(name, "Testing");
    consent(number);
    enrol(number, photos);
    return number;
  }

  /** A new door controller with its own key pair, registered by its public key. */
  public DoorClient door(String name) {
    return door(name, "main");
  }

  /** A new door controller at a site, with its own key pair. */
  public DoorClient door(String name, String site) {
    KeyPair keys = DoorClient.newKeyPair();
    JsonObject json =
        createDevice(name, site, ",\"publicKey\":\"" + DoorClient.publicKeyText(keys) + "\"");
    assertThat(json.containsKey("token")).as("a keyed device gets no token").isFalse();
    return DoorClient.withKey(
        api, json.getJsonObject("device").getJsonNumber("id").longValue(), keys);
  }

  /** A new door controller on the legacy token scheme. */
  public DoorClient legacyDoor(String name) {
    JsonObject json = createDevice(name, "main", ",\"legacy\":true");
    return DoorClient.legacy(
        api, json.getJsonObject("device").getJsonNumber("id").longValue(), json.getString("token"));
  }

  private JsonObject createDevice(String name, String site, String credential) {
    Api.Reply reply =
        api.postJson(
            "api/v1/devices",
            "{\"name\":\""
                + name
                + "\",\"kind\":\"DOOR\",\"site\":\""
                + site
                + "\",\"doorName\":\""
                + name
                + "\""
                + credential
                + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  /** How many check-ins a device has recorded. */
  public long checkInsOf(DoorClient door) {
    Api.Reply reply = api.get("api/v1/check-ins?limit=1&deviceId=" + door.doorId());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonNumber("total").longValue();
  }
}
