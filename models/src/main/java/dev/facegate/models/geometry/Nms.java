package dev.facegate.models.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Greedy non-maximum suppression.
 *
 * <p>Boxes are visited in order of decreasing score; a box is kept unless its overlap with an
 * already kept box is greater than the threshold. The overlap is either intersection over union
 * ({@link Overlap#UNION}) or intersection over the smaller box ({@link Overlap#MIN}, which also
 * removes a small box nested inside a larger one). Ties in score keep the earlier index, so the
 * result is deterministic.
 */
public final class Nms {

  /** How the overlap of two boxes is measured. */
  public enum Overlap {
    /** Intersection over union. */
    UNION,
    /** Intersection over the smaller of the two areas. */
    MIN
  }

  private Nms() {}

  /**
   * Returns the indices of the boxes to keep, best score first.
   *
   * @param boxes the candidate boxes
   * @param scores their scores, same length as {@code boxes}
   * @param threshold boxes overlapping a kept box by more than this are dropped
   * @param overlap how overlap is measured
   * @return indices into {@code boxes}, in decreasing score order
   */
  public static int[] suppress(List<Box> boxes, float[] scores, double threshold, Overlap overlap) {
    Objects.requireNonNull(overlap, "overlap is required");
    if (boxes.size() != scores.length) {
      throw new IllegalArgumentException(boxes.size() + " boxes but " + scores.length + " scores");
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    List<Box> kept = new ArrayList<>();
    int[] keep = new int[scores.length];
    int n = 0;
    for (int i : order) {
      Box b = boxes.get(i);
      boolean suppressed = false;
      for (Box k : kept) {
        double o = overlap == Overlap.UNION ? b.iou(k) : b.iom(k);
        if (o > threshold) {
          suppressed = true;
          break;
        }
      }
      if (!suppressed) {
        kept.add(b);
        keep[n++] = i;
      }
    }
    return Arrays.copyOf(keep, n);
  }
}
