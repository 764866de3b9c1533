package dev.facegate.access.boundary;

/**
 * Proof that a door request's headers were authenticated: issued by {@link
 * DoorDecisions#authenticate}, redeemed once by {@link DoorDecisions#decide} with the body, within
 * the signature window. The id is random and known only to the server that issued it; a pass that
 * was not issued, is expired or was already used is refused.
 *
 * @param doorId the door the pass is for
 * @param id the server's random reference
 */
public record DoorPass(long doorId, String id) {

  @Override
  public String toString() {
    return "DoorPass[doorId=" + doorId + "]";
  }
}
