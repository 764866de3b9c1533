package dev.facegate.access.boundary;

import dev.facegate.access.control.BadgeGuard;
import dev.facegate.access.control.DeviceGuard;
import dev.facegate.access.control.KioskAuthenticator;
import dev.facegate.access.control.KioskSecrets;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Pairing a browser with a kiosk device, and recognising a paired browser.
 *
 * <p>A kiosk holds no console account. An administrator creates the kiosk and gets a one-time code
 * ({@link Devices#issuePairingCode}); whoever types that code on {@code /kiosk} within its lifetime
 * binds that browser to the kiosk: the server hands out a random credential for an HttpOnly cookie
 * and keeps only its hash. Open to anonymous callers because the code (or the credential) is the
 * proof, checked first.
 */
@Stateless
@PermitAll
@RunAs(Roles.DEVICE)
public class KioskPairings {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject KioskAuthenticator kiosks;

  @Inject DeviceGuard guard;

  @Inject AuditLog audit;

  @Inject Clock clock;

  /**
   * A paired kiosk as its page needs it.
   *
   * @param deviceId the kiosk's device id
   * @param name the kiosk's name ("Main entrance")
   * @param site the kiosk's site
   * @param framesRequired k of its agreement
   * @param framesWindow n of its agreement
   * @param attemptTimeoutMillis its attempt timeout
   */
  public record KioskIdentity(
      long deviceId,
      String name,
      String site,
      int framesRequired,
      int framesWindow,
      long attemptTimeoutMillis) {

    static KioskIdentity of(Device kiosk) {
      return new KioskIdentity(
          kiosk.getId(),
          kiosk.getName(),
          kiosk.getSite(),
          kiosk.getAgreement().required(),
          kiosk.getAgreement().window(),
          kiosk.getAgreement().timeout().toMillis());
    }
  }

  /**
   * A browser just paired: the credential goes into its cookie and nowhere else.
   *
   * @param kiosk the kiosk it became
   * @param credential the kiosk credential, in this object only (the server keeps its hash)
   */
  public record Paired(KioskIdentity kiosk, String credential) {}

  /**
   * Pairs the calling browser with the kiosk whose open code this is; the code is used up, and a
   * browser paired with that kiosk before loses its credential.
   *
   * @param typedCode the code as typed (case, spaces and dashes do not matter)
   * @param clientAddress the caller's address, whose tries are throttled
   * @throws RateLimitedException too many tries from this address
   * @throws DeviceAuthenticationException no open code matches
   */
  public Paired pair(String typedCode, String clientAddress) {
    if (!guard.mayTryPairing(clientAddress)) {
      throw new RateLimitedException("Too many wrong pairing codes from here; wait a minute.");
    }
    Instant now = clock.instant();
    Optional<Device> open =
        KioskSecrets.canonicalCode(typedCode)
            .flatMap(
                canonical ->
                    em.createQuery(
                            "SELECT d FROM Device d WHERE d.pairingCodeHash = :hash", Device.class)
                        .setParameter("hash", KioskSecrets.codeHash(canonical))
                        .getResultStream()
                        .filter(d -> d.isEnabled() && d.isPairingOpen(now))
                        .findFirst());
    if (open.isEmpty()) {
      guard.failedPairing(clientAddress);
      throw new DeviceAuthenticationException(
          "This code is not valid: it may be mistyped, used or expired.");
    }
    Device kiosk = open.get();
    String secret = KioskSecrets.newSecret();
    kiosk.pair(KioskSecrets.hash(secret), now);
    audit.record(
        BadgeGuard.kioskActor(kiosk.getId()),
        AuditAction.KIOSK_PAIRED,
        null,
        "Kiosk " + kiosk.getId() + " paired with a browser at " + clientAddress + ".");
    return new Paired(KioskIdentity.of(kiosk), KioskSecrets.credential(kiosk.getId(), secret));
  }

  /**
   * The kiosk a credential belongs to, if it is valid now.
   *
   * @return empty for a missing, malformed, replaced or unknown credential
   * @throws DeviceForbiddenException the kiosk is disabled
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<KioskIdentity> identify(String credential) {
    return kiosks.find(credential).map(KioskIdentity::of);
  }
}
