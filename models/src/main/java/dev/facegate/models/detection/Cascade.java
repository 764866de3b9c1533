package dev.facegate.models.detection;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.facegate.models.detection.Resampler.BytePixels;
import dev.facegate.models.detection.Resampler.FloatPixels;
import dev.facegate.models.detection.Resampler.Pixels;
import dev.facegate.models.detection.StageTranslator.Batch;
import dev.facegate.models.detection.StageTranslator.Heads;
import dev.facegate.models.engine.InferenceLock;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Nms;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.RgbImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The MTCNN cascade for one thread: P-Net over an image pyramid, then R-Net and O-Net on crops.
 *
 * <p>Holds one predictor per network (and, for the symbolic graphs, the models it alone uses and
 * closes), so an instance must not be used by two threads at once; {@link FaceDetector} pools them.
 * Follows the reference implementation (facenet's {@code detect_face}) in continuous 0-based
 * coordinates; in particular the landmarks are placed relative to the box O-Net was given, not the
 * box it then regresses to.
 */
final class Cascade implements AutoCloseable {

  /** P-Net's window side and stride in pyramid-level pixels. */
  private static final int CELL = 12;

  private static final int STRIDE = 2;

  /** Largest batch sent to R-Net / O-Net at once, to bound memory on crowded images. */
  private static final int MAX_BATCH = 256;

  /**
   * R-Net / O-Net batches are padded to a multiple of this. The engines (MXNet with oneDNN in
   * particular) set up kernels per input shape, and a shape's first run measured 2-4 times slower;
   * with the candidate count changing from frame to frame, unpadded batches would keep paying it.
   */
  static final int BATCH_GRANULE = 8;

  /**
   * The order of the detector's output: score descending, then the box's left edge, then its top
   * edge, ascending. O-Net saturates (many faces score exactly 1.0 in float32), and the order in
   * which equal-score candidates leave NMS depends on the engine's candidate order; sorting on the
   * geometry too makes the list order a function of the detections alone.
   */
  static final Comparator<FaceDetection> OUTPUT_ORDER =
      Comparator.comparing(FaceDetection::score, Comparator.reverseOrder())
          .thenComparingDouble(d -> d.box().x1())
          .thenComparingDouble(d -> d.box().y1());

  private final Predictor<Batch, Heads> pnet;
  private final Predictor<Batch, Heads> rnet;
  private final Predictor<Batch, Heads> onet;
  private final boolean bgr;

  /** Whether R-Net's and O-Net's crops may come from a summed-area table ({@link CropSource}). */
  private final boolean integralCrops;

  private final InferenceLock lock;
  private final List<Model> owned;

  Cascade(
      Predictor<Batch, Heads> pnet,
      Predictor<Batch, Heads> rnet,
      Predictor<Batch, Heads> onet,
      boolean bgr,
      boolean integralCrops,
      InferenceLock lock,
      List<Model> owned) {
    this.pnet = pnet;
    this.rnet = rnet;
    this.onet = onet;
    this.bgr = bgr;
    this.integralCrops = integralCrops;
    this.lock = lock;
    this.owned = owned;
  }

  /** A candidate box with its score and the regression the network proposed for it. */
  private record Candidate(Box box, float score, float[] reg) {}

  /**
   * A second cascade and a thread to run it on: half of each stage's work of one detection runs
   * there, so one detection uses two cores. Every network input (a pyramid level, a crop) is scored
   * on its own, so the split changes which thread computes a number, not the number; the parts are
   * joined in the sequential order.
   */
  record Partner(Cascade cascade, Executor thread) {}

  /** Fewer R-Net / O-Net crops than this are not split: the hand-over would cost more. */
  static final int MIN_SPLIT = 2 * BATCH_GRANULE;

  /**
   * Detects faces, sharing the work with {@code partner} when one is given.
   *
   * @param partner a cascade not used by anyone else until this returns, or {@code null}
   */
  List<FaceDetection> detect(RgbImage image, MtcnnOptions options, Partner partner)
      throws TranslateException {
    int w = image.width();
    int h = image.height();
    Pixels src = new BytePixels(image.pixels());
    List<Box> boxes = proposals(src, w, h, options, partner);
    if (boxes.isEmpty()) {
      return List.of();
    }
    CropSource crops = CropSource.of(image, boxes, integralCrops);
    boxes = refine(crops, boxes, options, partner);
    if (boxes.isEmpty()) {
      return List.of();
    }
    return output(crops, boxes, options.thresholds()[2], partner);
  }

  /** Work that one cascade does on one part of a stage's inputs. */
  @FunctionalInterface
  private interface Part<I, O> {
    List<O> run(Cascade cascade, List<I> inputs) throws TranslateException;
  }

  /** Work for one cascade. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Cascade cascade) throws TranslateException;
  }

  /**
   * Runs {@code theirs} with the partner's cascade on its thread while {@code mine} runs here with
   * this one, and returns both results, mine first. Never returns while the partner still works.
   */
  private <T> List<T> both(Partner partner, Work<T> mine, Work<T> theirs)
      throws TranslateException {
    CompletableFuture<T> remote =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return theirs.run(partner.cascade());
              } catch (TranslateException e) {
                throw new CompletionException(e);
              }
            },
            partner.thread());
    T local;
    try {
      local = mine.run(this);
    } catch (TranslateException | RuntimeException | Error e) {
      // This thread's failure is the one reported; the partner's outcome no longer matters, but
      // its cascade (and the inputs it reads) must not be handed back while it still runs.
      remote.handle((result, failure) -> null).join();
      throw e;
    }
    try {
      return List.of(local, remote.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof TranslateException t) {
        throw t;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Runs {@code part} on the first half of {@code inputs} (cut by {@link #splitPoint}) here and on
   * the rest on the partner's thread, and returns the outputs in input order; without a partner, or
   * with too few inputs to cut, runs everything here.
   */
  private <I, O> List<O> split(List<I> inputs, Partner partner, Part<I, O> part)
      throws TranslateException {
    int at = splitPoint(inputs.size());
    if (partner == null || at <= 0 || at >= inputs.size()) {
      return part.run(this, inputs);
    }
    List<List<O>> parts =
        both(
            partner,
            c -> part.run(c, inputs.subList(0, at)),
            c -> part.run(c, inputs.subList(at, inputs.size())));
    List<O> all = new ArrayList<>(parts.get(0));
    all.addAll(parts.get(1));
    return all;
  }

  /** Returns the pyramid scales: the first maps the minimum face to 12 px, each next is smaller. */
  static List<Double> scales(int width, int height, MtcnnOptions options) {
    List<Double> scales = new ArrayList<>();
    double m = (double) CELL / options.minFaceSize();
    double side = Math.min(width, height) * m;
    double s = m;
    while (side >= CELL) {
      scales.add(s);
      s *= options.scaleFactor();
      side *= options.scaleFactor();
    }
    return scales;
  }

  /**
   * Stage 1: P-Net over the pyramid, NMS per level and across levels, regression, squaring. With a
   * partner, this thread takes the first (largest) levels, about half the pixels, and the partner
   * resamples and scores the rest, continuing the pyramid from this thread's last level.
   */
  private List<Box> proposals(Pixels src, int w, int h, MtcnnOptions options, Partner partner)
      throws TranslateException {
    List<Double> scales = scales(w, h, options);
    float threshold = options.thresholds()[0];
    int at = partner == null ? scales.size() : pyramidSplit(w, h, scales);
    List<Candidate> all;
    if (at <= 0 || at >= scales.size()) {
      all = pnet(src, w, h, w, h, scales, threshold, null);
    } else {
      // This thread's levels are resampled first: the partner's first level is made from the last.
      List<float[]> mine = new ArrayList<>();
      Pixels last = src;
      int lw = w;
      int lh = h;
      for (double scale : scales.subList(0, at)) {
        int ws = (int) Math.ceil(w * scale);
        int hs = (int) Math.ceil(h * scale);
        float[] level = new float[3 * ws * hs];
        Resampler.resize(last, lw, lh, 0, 0, lw, lh, level, ws, hs);
        mine.add(level);
        last = new FloatPixels(level);
        lw = ws;
        lh = hs;
      }
      Pixels from = last;
      int fw = lw;
      int fh = lh;
      List<List<Candidate>> parts =
          both(
              partner,
              c -> c.pnet(src, w, h, w, h, scales.subList(0, at), threshold, mine),
              c -> c.pnet(from, fw, fh, w, h, scales.subList(at, scales.size()), threshold, null));
      all = new ArrayList<>(parts.get(0));
      all.addAll(parts.get(1));
    }
    return regressAndSquare(nms(all, MtcnnOptions.NMS_MERGE, Nms.Overlap.UNION), options);
  }

  /**
   * The number of leading pyramid levels whose pixels come closest to half of all levels' (level
   * areas halve from one to the next at the default scale factor, so usually the first alone).
   */
  static int pyramidSplit(int w, int h, List<Double> scales) {
    long total = 0;
    long[] pixels = new long[scales.size()];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (long) Math.ceil(w * scales.get(i)) * (long) Math.ceil(h * scales.get(i));
      total += pixels[i];
    }
    int best = 0;
    long head = 0;
    long bestGap = total;
    for (int at = 1; at < pixels.length; at++) {
      head += pixels[at - 1];
      long gap = Math.abs(2 * head - total);
      if (gap < bestGap) {
        bestGap = gap;
        best = at;
      }
    }
    return best;
  }

  /**
   * Runs P-Net on the levels of {@code scales} (relative to the image of {@code w} x {@code h}),
   * each resampled from the one before, the first from {@code prev}: the candidates of each level
   * after the per-level NMS, in level order.
   *
   * @param resampled the levels' pixels where already made, or {@code null}
   */
  private List<Candidate> pnet(
      Pixels prev,
      int pw,
      int ph,
      int w,
      int h,
      List<Double> scales,
      float threshold,
      List<float[]> resampled)
      throws TranslateException {
    List<Candidate> all = new ArrayList<>();
    // Each level is resampled from the previous one: the area filter then only ever shrinks by
    // the scale factor, which costs far less than shrinking the full image for every level.
    for (int i = 0; i < scales.size(); i++) {
      double scale = scales.get(i);
      int ws = (int) Math.ceil(w * scale);
      int hs = (int) Math.ceil(h * scale);
      float[] level;
      if (resampled != null) {
        level = resampled.get(i);
      } else {
        level = new float[3 * ws * hs];
        Resampler.resize(prev, pw, ph, 0, 0, pw, ph, level, ws, hs);
      }
      float[] input = new float[3 * ws * hs];
      Resampler.normalizeToChw(level, ws, hs, input, 0, bgr);
      Batch batch = new Batch(input, 1, hs, ws);
      Heads out = lock.call(() -> pnet.predict(batch));
      all.addAll(nms(cells(out, scale, threshold), MtcnnOptions.NMS_LEVEL, Nms.Overlap.UNION));
      prev = new FloatPixels(level);
      pw = ws;
      ph = hs;
    }
    return all;
  }

  /** Maps P-Net's output cells above the threshold back to boxes in image coordinates. */
  private static List<Candidate> cells(Heads out, double scale, float threshold) {
    long[] shape = out.shapes()[0].getShape();
    int mh = (int) shape[2];
    int mw = (int) shape[3];
    int plane = mh * mw;
    float[] prob = out.data()[0];
    float[] reg = out.data()[1];
    List<Candidate> found = new ArrayList<>();
    for (int y = 0; y < mh; y++) {
      for (int x = 0; x < mw; x++) {
        int i = y * mw + x;
        float score = prob[plane + i];
        if (score >= threshold) {
          // The cell at (x, y) saw the 12 x 12 window at (2x, 2y) of this level.
          Box box =
              new Box(
                  STRIDE * x / scale,
                  STRIDE * y / scale,
                  (STRIDE * x + CELL) / scale,
                  (STRIDE * y + CELL) / scale);
          float[] r = {reg[i], reg[plane + i], reg[2 * plane + i], reg[3 * plane + i]};
          found.add(new Candidate(box, score, r));
        }
      }
    }
    return found;
  }

  /**
   * Returns the squared, regressed boxes that {@code last} hands to the next stage (P-Net's to
   * R-Net, or R-Net's to O-Net): the inputs of the next stage, for hard-sample mining.
   */
  List<Box> candidates(RgbImage image, MtcnnOptions options, MtcnnBlocks.Stage last)
      throws TranslateException {
    if (last == MtcnnBlocks.Stage.ONET) {
      throw new IllegalArgumentException("O-Net is the last stage: no candidates follow it");
    }
    Pixels src = new BytePixels(image.pixels());
    List<Box> boxes = proposals(src, image.width(), image.height(), options, null);
    if (last == MtcnnBlocks.Stage.PNET || boxes.isEmpty()) {
      return boxes;
    }
    return refine(CropSource.of(image, boxes, integralCrops), boxes, options, null);
  }

  /** Stage 2: R-Net on 24 x 24 crops, threshold, NMS, regression, squaring. */
  private List<Box> refine(CropSource crops, List<Box> boxes, MtcnnOptions options, Partner partner)
      throws TranslateException {
    float threshold = options.thresholds()[1];
    List<Candidate> kept =
        split(boxes, partner, (cascade, part) -> cascade.rnet(crops, part, threshold));
    return regressAndSquare(nms(kept, MtcnnOptions.NMS_MERGE, Nms.Overlap.UNION), options);
  }

  /**
   * Where a batch of {@code n} crops is cut in two: at a multiple of the batch granule, so that the
   * two padded halves hold no more padding than the whole batch; {@code n} (no split) when small.
   */
  static int splitPoint(int n) {
    if (n < MIN_SPLIT) {
      return n;
    }
    int granules = (n + BATCH_GRANULE - 1) / BATCH_GRANULE;
    return (granules + 1) / 2 * BATCH_GRANULE;
  }

  /** R-Net on the crops of {@code boxes}: the candidates above the threshold, in box order. */
  private List<Candidate> rnet(CropSource crops, List<Box> boxes, float threshold)
      throws TranslateException {
    List<Candidate> kept = new ArrayList<>();
    for (int from = 0; from < boxes.size(); from += MAX_BATCH) {
      List<Box> chunk = boxes.subList(from, Math.min(boxes.size(), from + MAX_BATCH));
      List<Box> regions = new ArrayList<>(chunk.size());
      Heads out = run(rnet, crops, chunk, MtcnnBlocks.RNET_SIZE, regions);
      float[] prob = out.data()[0];
      float[] reg = out.data()[1];
      for (int k = 0; k < chunk.size(); k++) {
        float score = prob[2 * k + 1];
        if (score > threshold) {
          float[] r = {reg[4 * k], reg[4 * k + 1], reg[4 * k + 2], reg[4 * k + 3]};
          kept.add(new Candidate(regions.get(k), score, r));
        }
      }
    }
    return kept;
  }

  /**
   * Regresses and squares the candidates for the next stage. The original suppresses overlaps only
   * before regression; the optional extra NMS after it drops the near-duplicates that regression
   * makes converge on one face (see {@link FaceDetector.Builder#optRegressedNms}).
   */
  private static List<Box> regressAndSquare(List<Candidate> candidates, MtcnnOptions options) {
    List<Candidate> moved = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      moved.add(new Candidate(square(regress(c.box(), c.reg())), c.score(), c.reg()));
    }
    if (options.regressedNms() > 0) {
      moved = nms(moved, options.regressedNms(), Nms.Overlap.UNION);
    }
    return moved.stream().map(Candidate::box).toList();
  }

  /** Stage 3: O-Net on 48 x 48 crops, threshold, landmarks, regression, final "min" NMS. */
  private List<FaceDetection> output(
      CropSource crops, List<Box> boxes, float threshold, Partner partner)
      throws TranslateException {
    List<FaceDetection> faces =
        split(boxes, partner, (cascade, part) -> cascade.onet(crops, part, threshold));
    List<Box> finalBoxes = faces.stream().map(FaceDetection::box).toList();
    float[] scores = new float[faces.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = faces.get(i).score();
    }
    int[] keep = Nms.suppress(finalBoxes, scores, MtcnnOptions.NMS_FINAL, Nms.Overlap.MIN);
    List<FaceDetection> result = new ArrayList<>(keep.length);
    for (int i : keep) {
      result.add(faces.get(i));
    }
    result.sort(OUTPUT_ORDER);
    return result;
  }

  /** O-Net on the crops of {@code boxes}: the faces above the threshold, in box order. */
  private List<FaceDetection> onet(CropSource crops, List<Box> boxes, float threshold)
      throws TranslateException {
    List<FaceDetection> faces = new ArrayList<>();
    for (int from = 0; from < boxes.size(); from += MAX_BATCH) {
      List<Box> chunk = boxes.subList(from, Math.min(boxes.size(), from + MAX_BATCH));
      List<Box> regions = new ArrayList<>(chunk.size());
      Heads out = run(onet, crops, chunk, MtcnnBlocks.ONET_SIZE, regions);
      float[] prob = out.data()[0];
      float[] reg = out.data()[1];
      float[] lm = out.data()[2];
      for (int k = 0; k < chunk.size(); k++) {
        float score = prob[2 * k + 1];
        if (score <= threshold) {
          continue;
        }
        Box input = regions.get(k);
        // The original rule: landmarks are fractions of the box O-Net was GIVEN (face-api.js uses
        // the regressed box instead, which shifts them off the eyes and mouth corners).
        List<Point> points = new ArrayList<>(5);
        for (int p = 0; p < 5; p++) {
          points.add(
              new Point(
                  input.x1() + input.width() * lm[10 * k + p],
                  input.y1() + input.height() * lm[10 * k + 5 + p]));
        }
        float[] r = {reg[4 * k], reg[4 * k + 1], reg[4 * k + 2], reg[4 * k + 3]};
        faces.add(new FaceDetection(regress(input, r), score, points));
      }
    }
    return faces;
  }

  /**
   * Crops each box (rounded to whole pixels; what lies outside the image is zero), resizes it to
   * {@code size}, and runs the network on the batch. The integer crop regions are added to {@code
   * regions}: they are the boxes the network's outputs are relative to.
   */
  private Heads run(
      Predictor<Batch, Heads> net, CropSource crops, List<Box> boxes, int size, List<Box> regions)
      throws TranslateException {
    int n = boxes.size();
    int per = 3 * size * size;
    int padded = (n + BATCH_GRANULE - 1) / BATCH_GRANULE * BATCH_GRANULE;
    // The padding slots stay zero; their outputs are never read.
    float[] batch = new float[padded * per];
    float[] crop = new float[per];
    for (int k = 0; k < n; k++) {
      Box b = boxes.get(k);
      int rx = (int) Math.round(b.x1());
      int ry = (int) Math.round(b.y1());
      int rw = Math.max(1, (int) Math.round(b.x2()) - rx);
      int rh = Math.max(1, (int) Math.round(b.y2()) - ry);
      regions.add(Box.ofSize(rx, ry, rw, rh));
      crops.crop(rx, ry, rw, rh, crop, size);
      Resampler.normalizeToChw(crop, size, size, batch, k * per, bgr);
    }
    Batch input = new Batch(batch, padded, size, size);
    return lock.call(() -> net.predict(input));
  }

  private static List<Candidate> nms(List<Candidate> c, double threshold, Nms.Overlap overlap) {
    if (c.size() < 2) {
      return c;
    }
    float[] scores = new float[c.size()];
    List<Box> boxes = new ArrayList<>(c.size());
    for (int i = 0; i < scores.length; i++) {
      scores[i] = c.get(i).score();
      boxes.add(c.get(i).box());
    }
    List<Candidate> kept = new ArrayList<>();
    for (int i : Nms.suppress(boxes, scores, threshold, overlap)) {
      kept.add(c.get(i));
    }
    return kept;
  }

  /** Applies MTCNN's box regression: each edge moves by a fraction of the box's size. */
  static Box regress(Box b, float[] r) {
    double bw = b.width();
    double bh = b.height();
    double x1 = b.x1() + r[0] * bw;
    double y1 = b.y1() + r[1] * bh;
    double x2 = b.x2() + r[2] * bw;
    double y2 = b.y2() + r[3] * bh;
    // A wild regression can cross the edges; keep the box valid rather than fail.
    return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }

  /** Grows the shorter side to make a square with the same centre. */
  static Box square(Box b) {
    double side = Math.max(b.width(), b.height());
    double cx = (b.x1() + b.x2()) / 2;
    double cy = (b.y1() + b.y2()) / 2;
    return new Box(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2);
  }

  @Override
  public void close() {
    pnet.close();
    rnet.close();
    onet.close();
    owned.forEach(Model::close);
  }
}
