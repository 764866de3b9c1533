package dev.facegate.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.access.boundary.CreatedDevice;
import dev.facegate.access.boundary.DeviceForbiddenException;
import dev.facegate.access.boundary.Devices;
import dev.facegate.access.boundary.DoorDecision;
import dev.facegate.access.boundary.DoorDecisions;
import dev.facegate.access.boundary.DoorPass;
import dev.facegate.access.boundary.NewDevice;
import dev.facegate.access.boundary.SignedRequest;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.it.support.Api;
import dev.facegate.it.support.AsAdmin;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A door request racing an administrator, interleaved by hand inside WildFly on PostgreSQL: the
 * door has loaded its device (enabled) when an administrator disables it or registers a new key in
 * another transaction; then the door finishes its frame and marks itself seen. The administrator's
 * change must survive, and the next request must be refused.
 */
@ExtendWith(ArquillianExtension.class)
class DeviceRaceIT {

  private static final String NO_FACE = "dlib_faces/dogs.jpg";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWithTests(
        List.of(NO_FACE), DeviceRaceIT.class, Api.class, Api.Reply.class, DoorClient.class);
  }

  @Inject AsAdmin asAdmin;

  @Inject Devices devices;

  @Inject DoorDecisions doors;

  @Inject UserTransaction transaction;

  @Test
  void aDoorRequestInFlightCannotUndoADisable() throws Exception {
    KeyPair keys = DoorClient.newKeyPair();
    long doorId = newDoor(keys);
    byte[] frame = Faces.resource(NO_FACE);

    transaction.begin();
    try {
      // The door's transaction reads its device: enabled, version 0.
      DoorPass pass = doors.authenticate(doorId, request(doorId, frame, keys));
      // Meanwhile an administrator disables it, in a transaction of its own that commits.
      CompletableFuture.supplyAsync(() -> call(() -> devices.disable(doorId))).join();
      // The door finishes the frame with its (stale) copy and marks the device seen.
      DoorDecision decision = doors.decide(pass, frame);
      assertThat(decision.checkInId()).isPositive();
      transaction.commit();
    } finally {
      if (transaction.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
        transaction.rollback();
      }
    }

    Device after = asAdmin.call(() -> devices.get(doorId));
    assertThat(after.isEnabled()).as("the disable survives the door's write").isFalse();
    assertThat(after.getLastSeenAt())
        .as("and the door's seen time survives the disable")
        .isNotNull();
    assertThatThrownBy(() -> doors.authenticate(doorId, request(doorId, frame, keys)))
        .isInstanceOf(DeviceForbiddenException.class);
  }

  @Test
  void aDoorRequestInFlightCannotUndoANewKey() throws Exception {
    KeyPair oldKeys = DoorClient.newKeyPair();
    long doorId = newDoor(oldKeys);
    KeyPair newKeys = DoorClient.newKeyPair();
    byte[] frame = Faces.resource(NO_FACE);

    transaction.begin();
    try {
      DoorPass pass = doors.authenticate(doorId, request(doorId, frame, oldKeys));
      CompletableFuture.supplyAsync(
              () -> call(() -> devices.registerKey(doorId, DoorClient.publicKeyText(newKeys))))
          .join();
      doors.decide(pass, frame);
      transaction.commit();
    } finally {
      if (transaction.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
        transaction.rollback();
      }
    }

    Device after = asAdmin.call(() -> devices.get(doorId));
    assertThat(after.getPublicKey()).isEqualTo(DoorClient.publicKeyText(newKeys));
    assertThatThrownBy(() -> doors.authenticate(doorId, request(doorId, frame, oldKeys)))
        .isInstanceOf(dev.facegate.access.boundary.DeviceAuthenticationException.class);
    assertThat(doors.authenticate(doorId, request(doorId, frame, newKeys))).isNotNull();
  }

  private long newDoor(KeyPair keys) throws Exception {
    CreatedDevice door =
        asAdmin.call(
            () ->
                devices.create(
                    NewDevice.withKey(
                        "Race door " + UUID.randomUUID(),
                        DeviceKind.DOOR,
                        "HQ",
                        "Side door",
                        DoorClient.publicKeyText(keys))));
    return door.device().getId();
  }

  private static SignedRequest request(long doorId, byte[] frame, KeyPair keys) {
    Map<String, String> headers =
        DoorClient.signatureHeaders(
            doorId, DoorClient.sha256(frame), Instant.now(), keys.getPrivate());
    return new SignedRequest("POST", DoorClient.path(doorId), "", headers);
  }

  private <T> T call(java.util.concurrent.Callable<T> work) {
    try {
      return asAdmin.call(work);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
