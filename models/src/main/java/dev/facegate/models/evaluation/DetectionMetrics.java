package dev.facegate.models.evaluation;

import dev.facegate.models.geometry.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recall, precision and average precision of a detector at an IoU threshold, accumulated image by
 * image.
 *
 * <p>Matching, per image: detections in decreasing score order each take the unmatched labelled
 * face with the highest IoU, if that IoU reaches the threshold. A match with an ignored face, or
 * with a face smaller than the minimum size (its shorter side below it), makes the detection
 * neither true nor false; so does a detection that is itself smaller than the minimum size and
 * matches nothing. Everything else is a true or a false positive. Average precision is the area
 * under the precision-recall curve with precision made monotone (PASCAL VOC, all points).
 *
 * <p>Not thread-safe.
 */
public final class DetectionMetrics {

  private final double iouThreshold;
  private final double minFaceSize;
  private final List<Scored> scored = new ArrayList<>();
  private int positives;
  private int truePositives;
  private int falsePositives;
  private int images;

  private record Scored(double score, boolean truePositive) {}

  /**
   * Creates an empty accumulator.
   *
   * @param iouThreshold the IoU a detection needs to count as finding a face, e.g. 0.5
   * @param minFaceSize labelled faces with a shorter side below this are not counted
   */
  public DetectionMetrics(double iouThreshold, double minFaceSize) {
    this.iouThreshold = iouThreshold;
    this.minFaceSize = minFaceSize;
  }

  /** A detection to score: its box and score. */
  public record Detected(Box box, double score) {}

  /**
   * Adds one image.
   *
   * @param truth the labelled faces
   * @param detections what the detector found
   */
  public void add(List<GroundTruthImage.Face> truth, List<Detected> detections) {
    images++;
    boolean[] counted = new boolean[truth.size()];
    for (int i = 0; i < truth.size(); i++) {
      GroundTruthImage.Face f = truth.get(i);
      counted[i] = !f.ignored() && Math.min(f.box().width(), f.box().height()) >= minFaceSize;
      if (counted[i]) {
        positives++;
      }
    }
    boolean[] taken = new boolean[truth.size()];
    List<Detected> sorted = new ArrayList<>(detections);
    sorted.sort(Comparator.comparingDouble(Detected::score).reversed());
    for (Detected d : sorted) {
      int best = -1;
      double bestIou = iouThreshold;
      for (int i = 0; i < truth.size(); i++) {
        double iou = taken[i] ? -1 : d.box().iou(truth.get(i).box());
        if (iou >= bestIou) {
          best = i;
          bestIou = iou;
        }
      }
      if (best >= 0) {
        taken[best] = true;
        if (counted[best]) {
          truePositives++;
          scored.add(new Scored(d.score(), true));
        }
      } else if (Math.min(d.box().width(), d.box().height()) >= minFaceSize) {
        falsePositives++;
        scored.add(new Scored(d.score(), false));
      }
    }
  }

  /** Returns the number of images added. */
  public int images() {
    return images;
  }

  /** Returns the number of counted labelled faces. */
  public int positives() {
    return positives;
  }

  /** Returns the number of true positives. */
  public int truePositives() {
    return truePositives;
  }

  /** Returns the number of false positives. */
  public int falsePositives() {
    return falsePositives;
  }

  /** Returns true positives over counted faces (1 when there are none). */
  public double recall() {
    return positives == 0 ? 1 : (double) truePositives / positives;
  }

  /** Returns true positives over counted detections (1 when there are none). */
  public double precision() {
    int n = truePositives + falsePositives;
    return n == 0 ? 1 : (double) truePositives / n;
  }

  /** Returns the average precision over all score thresholds. */
  public double averagePrecision() {
    if (positives == 0) {
      return 1;
    }
    List<Scored> s = new ArrayList<>(scored);
    s.sort(Comparator.comparingDouble(Scored::score).reversed());
    int n = s.size();
    double[] recall = new double[n];
    double[] precision = new double[n];
    int tp = 0;
    for (int i = 0; i < n; i++) {
      if (s.get(i).truePositive()) {
        tp++;
      }
      recall[i] = (double) tp / positives;
      precision[i] = (double) tp / (i + 1);
    }
    for (int i = n - 2; i >= 0; i--) {
      precision[i] = Math.max(precision[i], precision[i + 1]);
    }
    double ap = 0;
    double prevRecall = 0;
    for (int i = 0; i < n; i++) {
      ap += (recall[i] - prevRecall) * precision[i];
      prevRecall = recall[i];
    }
    return ap;
  }
}
