package dev.facegate.models.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.facegate.models.training.loss.ASoftmaxLoss;
import dev.facegate.models.training.loss.ArcFaceLoss;
import dev.facegate.models.training.loss.CenterLoss;
import dev.facegate.models.training.loss.ContrastiveLoss;
import dev.facegate.models.training.loss.CosFaceLoss;
import dev.facegate.models.training.loss.TripletLoss;
import java.util.List;

/**
 * The losses an embedding head can be trained with, with the settings used for small identity sets
 * (tens of classes, L2-normalised embeddings). Pair losses work on the normalised embeddings; the
 * others add a {@link CosineClassifier} that exists only during training.
 */
public enum HeadLoss {
  /** {@link ContrastiveLoss}, margin 1, all pairs of the batch. */
  CONTRASTIVE(false),
  /** {@link TripletLoss}, margin 0.2, batch-hard. */
  TRIPLET(false),
  /** Normalised softmax (scale 30, no margin) + 0.5 x {@link CenterLoss}. */
  CENTER(true),
  /** {@link ASoftmaxLoss}, m = 4, scale 30, lambda 5. */
  A_SOFTMAX(true),
  /** {@link CosFaceLoss}, scale 30, margin 0.35. */
  COSFACE(true),
  /** {@link ArcFaceLoss}, scale 30, margin 0.5, monotonic fix. */
  ARCFACE(true);

  /** Weight of the center term next to the softmax. */
  static final double CENTER_WEIGHT = 0.5;

  private static final double SCALE = 30;

  private final boolean classifier;

  HeadLoss(boolean classifier) {
    this.classifier = classifier;
  }

  /** Returns whether training needs a {@link CosineClassifier} over the identities. */
  public boolean needsClassifier() {
    return classifier;
  }

  /** Returns the command-line name, e.g. {@code a-softmax}. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * The loss of one training run; holds the learnable centres of {@link #CENTER}.
   *
   * @param kind which loss
   * @param centres the center loss, or {@code null}
   */
  record Objective(HeadLoss kind, CenterLoss centres) {

    /** Returns the extra learnable arrays (the centres), to be stepped with the parameters. */
    List<NDArray> extraParameters() {
      return centres == null ? List.of() : List.of(centres.getCentres());
    }

    /**
     * Returns the batch loss.
     *
     * @param labels identity indices {@code (N)}
     * @param normalised L2-normalised embeddings {@code (N, D)}
     * @param cosines classifier cosines {@code (N, C)}, or {@code null} without a classifier
     */
    NDArray evaluate(NDArray labels, NDArray normalised, NDArray cosines) {
      NDList l = new NDList(labels);
      return switch (kind) {
        case CONTRASTIVE -> new ContrastiveLoss(1.0).evaluate(l, new NDList(normalised));
        case TRIPLET -> new TripletLoss(0.2).evaluate(l, new NDList(normalised));
        case CENTER ->
            new CosFaceLoss(SCALE, 0)
                .evaluate(l, new NDList(cosines))
                .add(centres.evaluate(l, new NDList(normalised)).mul(CENTER_WEIGHT));
        case A_SOFTMAX -> new ASoftmaxLoss(SCALE, 4, 5).evaluate(l, new NDList(cosines));
        case COSFACE -> new CosFaceLoss(SCALE, 0.35).evaluate(l, new NDList(cosines));
        case ARCFACE -> new ArcFaceLoss(SCALE, 0.5, false).evaluate(l, new NDList(cosines));
      };
    }
  }

  /** Creates the objective, with centres in {@code manager} for {@link #CENTER}. */
  Objective objective(NDManager manager, int classes, int dimension) {
    return new Objective(this, this == CENTER ? new CenterLoss(manager, classes, dimension) : null);
  }
}
