package dev.facegate.observability.control;

import java.util.Locale;

/** The parts a face decision's latency is split into. */
public enum Stage {
  /** Finding the faces in the decoded frame (decoding itself is not part of any stage). */
  DETECT,
  /** Aligning, measuring and embedding the detected faces. */
  EMBED,
  /** The nearest-neighbour query to the face index. */
  SEARCH,
  /** The relational database reads and writes of the decision. */
  DATABASE,
  /**
   * On a portal node with inference nodes: the remote analysis as the portal sees it (the round
   * trip, the node's queue, its detect and embed, and a fail-over). The node records its own detect
   * and embed stages.
   */
  INFERENCE;

  /** The value of the {@code stage} tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
