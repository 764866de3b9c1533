package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stay at work: an arrival and, once it closed, a departure.
 *
 * @param in the arrival
 * @param out the departure, or null while the stay is open (or was never closed)
 */
public record Stay(Instant in, Instant out) {

  public Stay {
    requireNonNull(in, "arrival is required");
    if (out != null && out.isBefore(in)) {
      throw new IllegalArgumentException(
          "a stay cannot end (" + out + ") before it starts (" + in + ")");
    }
  }

  public boolean open() {
    return out == null;
  }

  public Optional<Instant> departure() {
    return Optional.ofNullable(out);
  }

  /** The length of a closed stay; zero for an open one. */
  public Duration length() {
    return out == null ? Duration.ZERO : Duration.between(in, out);
  }
}
