package dev.facegate.models.training.mining;

import dev.facegate.models.evaluation.GroundTruthImage;
import dev.facegate.models.geometry.Box;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Cuts MTCNN training samples from annotated photos, as the original training scripts do.
 *
 * <ul>
 *   <li><b>Random negatives</b>: square crops of random size ({@code 12 .. min(w, h) / 2}) and
 *       position, kept when their IoU with every labelled face (ignored ones included) is below
 *       {@value SampleKind#NEGATIVE_BELOW}.
 *   <li><b>Shifted crops around each face</b>: side {@code 0.8 min(fw, fh) .. 1.25 max(fw, fh)},
 *       centre moved by up to 20 % of the face size; labelled by the IoU band of the nearest face
 *       (positive, part, or negative; the gap is dropped). Positives of a face with landmarks also
 *       give a landmark sample.
 *   <li><b>Hard samples</b> ({@link #fromProposals}): the boxes the previous stage proposes,
 *       labelled the same way; its false positives are the hard negatives for R-Net and O-Net.
 * </ul>
 *
 * Every crop lies inside the photo; ignored faces and faces smaller than the minimum give no
 * positives. {@link #balance} then mixes the classes at the configured ratio.
 */
public final class SampleMiner {

  private final int negativesPerImage;
  private final int cropsPerFace;
  private final int minFaceSize;
  private final int[] ratio;
  private final Random random;

  private SampleMiner(Builder b) {
    this.negativesPerImage = b.negativesPerImage;
    this.cropsPerFace = b.cropsPerFace;
    this.minFaceSize = b.minFaceSize;
    this.ratio = b.ratio.clone();
    this.random = new Random(b.seed);
  }

  /** Returns a builder with the defaults of the original scripts (ratio 3:1:1:2). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Mines random negatives and shifted crops from one photo.
   *
   * @param image the photo's annotation
   * @param width the photo's width in pixels
   * @param height the photo's height in pixels
   * @return the samples, unbalanced
   */
  public List<MinedSample> mine(GroundTruthImage image, int width, int height) {
    List<MinedSample> out = new ArrayList<>();
    int maxSide = Math.min(width, height) / 2;
    for (int found = 0, tries = 0;
        found < negativesPerImage && tries < 10 * negativesPerImage && maxSide >= 12;
        tries++) {
      int side = 12 + random.nextInt(maxSide - 12 + 1);
      Box crop =
          Box.ofSize(
              random.nextInt(width - side + 1), random.nextInt(height - side + 1), side, side);
      Optional<MinedSample> s = label(image, crop, false);
      if (s.isPresent() && s.get().kind() == SampleKind.NEGATIVE) {
        out.add(s.get());
        found++;
      }
    }
    for (GroundTruthImage.Face face : image.faces()) {
      Box f = face.box();
      if (face.ignored() || Math.min(f.width(), f.height()) < minFaceSize) {
        continue;
      }
      double lo = 0.8 * Math.min(f.width(), f.height());
      double hi = 1.25 * Math.max(f.width(), f.height());
      for (int i = 0; i < cropsPerFace; i++) {
        double side = Math.floor(lo + random.nextDouble() * (hi - lo));
        double cx = (f.x1() + f.x2()) / 2 + (random.nextDouble() * 0.4 - 0.2) * f.width();
        double cy = (f.y1() + f.y2()) / 2 + (random.nextDouble() * 0.4 - 0.2) * f.height();
        Box crop = Box.ofSize(Math.round(cx - side / 2), Math.round(cy - side / 2), side, side);
        if (!usable(crop, width, height)) {
          continue;
        }
        label(image, crop, true).ifPresent(out::add);
        landmarkSample(image, crop).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * Labels the previous stage's proposals for one photo (hard-sample mining for R-Net / O-Net).
   *
   * @param image the photo's annotation
   * @param width the photo's width
   * @param height the photo's height
   * @param proposals square boxes from the previous stage
   * @return one sample per proposal inside the photo and outside the ambiguous IoU gap
   */
  public List<MinedSample> fromProposals(
      GroundTruthImage image, int width, int height, List<Box> proposals) {
    List<MinedSample> out = new ArrayList<>();
    for (Box p : proposals) {
      Box crop =
          Box.ofSize(
              Math.round(p.x1()), Math.round(p.y1()), Math.round(p.width()), Math.round(p.width()));
      if (!usable(crop, width, height)) {
        continue;
      }
      label(image, crop, true).ifPresent(out::add);
    }
    return out;
  }

  /** A crop is used when it is at least P-Net's 12 px and lies wholly inside the photo. */
  private static boolean usable(Box crop, int width, int height) {
    return crop.width() >= 12
        && crop.x1() >= 0
        && crop.y1() >= 0
        && crop.x2() <= width
        && crop.y2() <= height;
  }

  /** Labels a crop by its nearest face; faces are only regression targets when counted. */
  private Optional<MinedSample> label(GroundTruthImage image, Box crop, boolean allowFaces) {
    GroundTruthImage.Face nearest = null;
    double best = 0;
    for (GroundTruthImage.Face face : image.faces()) {
      double iou = crop.iou(face.box());
      if (nearest == null || iou > best) {
        nearest = face;
        best = iou;
      }
    }
    Optional<SampleKind> kind = SampleKind.ofIou(best);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    if (kind.get() == SampleKind.NEGATIVE) {
      return Optional.of(
          new MinedSample(
              image.image(), crop, SampleKind.NEGATIVE, best, new float[4], new float[0]));
    }
    if (!allowFaces || nearest.ignored()) {
      return Optional.empty();
    }
    return Optional.of(
        new MinedSample(
            image.image(),
            crop,
            kind.get(),
            best,
            RegressionTargets.box(crop, nearest.box()),
            new float[0]));
  }

  private Optional<MinedSample> landmarkSample(GroundTruthImage image, Box crop) {
    for (GroundTruthImage.Face face : image.faces()) {
      double iou = crop.iou(face.box());
      if (!face.ignored() && !face.landmarks().isEmpty() && iou >= SampleKind.POSITIVE_FROM) {
        return Optional.of(
            new MinedSample(
                image.image(),
                crop,
                SampleKind.LANDMARK,
                iou,
                RegressionTargets.box(crop, face.box()),
                RegressionTargets.landmarks(crop, face.landmarks())));
      }
    }
    return Optional.empty();
  }

  /**
   * Mixes the samples at the configured ratio: the largest {@code k} such that each class with a
   * positive ratio and any samples has {@code ratio * k} of them, drawn at random. A class with no
   * samples at all (landmarks, when the annotation has none) is left out rather than emptying the
   * whole set; the counts show it.
   *
   * @param samples the mined samples
   * @return the balanced samples, grouped by class in {@link SampleKind} order
   */
  public List<MinedSample> balance(List<MinedSample> samples) {
    Map<SampleKind, List<MinedSample>> byKind = new EnumMap<>(SampleKind.class);
    for (SampleKind k : SampleKind.values()) {
      byKind.put(k, new ArrayList<>());
    }
    samples.forEach(s -> byKind.get(s.kind()).add(s));
    int k = Integer.MAX_VALUE;
    for (SampleKind kind : SampleKind.values()) {
      int r = ratio[kind.ordinal()];
      if (r > 0 && !byKind.get(kind).isEmpty()) {
        k = Math.min(k, byKind.get(kind).size() / r);
      }
    }
    if (k == Integer.MAX_VALUE) {
      return List.of();
    }
    List<MinedSample> out = new ArrayList<>();
    for (SampleKind kind : SampleKind.values()) {
      List<MinedSample> all = byKind.get(kind);
      java.util.Collections.shuffle(all, random);
      out.addAll(all.subList(0, Math.min(all.size(), ratio[kind.ordinal()] * k)));
    }
    return out;
  }

  /** Builds a {@link SampleMiner}. */
  public static final class Builder {

    private int negativesPerImage = 50;
    private int cropsPerFace = 20;
    private int minFaceSize = 12;
    private int[] ratio = {3, 1, 1, 2};
    private long seed = 1;

    private Builder() {}

    /** Sets the random negatives cut per photo (default 50). */
    public Builder optNegativesPerImage(int n) {
      this.negativesPerImage = requireAtLeast(n, 0, "negatives per image");
      return this;
    }

    /** Sets the shifted crops tried per face (default 20). */
    public Builder optCropsPerFace(int n) {
      this.cropsPerFace = requireAtLeast(n, 0, "crops per face");
      return this;
    }

    /** Sets the smallest face side that gives positives (default 12). */
    public Builder optMinFaceSize(int pixels) {
      this.minFaceSize = requireAtLeast(pixels, 1, "minimum face size");
      return this;
    }

    /**
     * Sets the mix negatives : positives : part : landmarks (default 3:1:1:2).
     *
     * @param negatives share of negatives
     * @param positives share of positives
     * @param part share of part faces
     * @param landmarks share of landmark samples
     * @return this builder
     */
    public Builder optRatio(int negatives, int positives, int part, int landmarks) {
      int[] r = {negatives, positives, part, landmarks};
      for (int v : r) {
        requireAtLeast(v, 0, "ratio share");
      }
      if (negatives + positives + part + landmarks == 0) {
        throw new IllegalArgumentException("the ratio needs one positive share");
      }
      this.ratio = r;
      return this;
    }

    /** Sets the random seed (default 1): the same photos and seed give the same samples. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the miner. */
    public SampleMiner build() {
      return new SampleMiner(this);
    }

    private static int requireAtLeast(int v, int min, String what) {
      if (v < min) {
        throw new IllegalArgumentException(what + " must be at least " + min + ": " + v);
      }
      return v;
    }
  }
}
