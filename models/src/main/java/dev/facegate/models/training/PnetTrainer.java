package dev.facegate.models.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.facegate.models.detection.MtcnnBlocks;
import dev.facegate.models.training.mining.SampleDataset;
import dev.facegate.models.training.mining.SampleKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;

/**
 * Trains MTCNN's P-Net from scratch on mined 12 x 12 samples and measures a P-Net on held-back
 * samples.
 *
 * <p>The objective is MTCNN's for P-Net: face classification (cross-entropy on negatives = 0 and
 * positives / landmark samples = 1) plus 0.5 x the mean squared box-regression error (on positives,
 * part faces and landmark samples). P-Net has no landmark head; landmark samples count as
 * positives. Online hard-example mining (the original keeps the hardest 70 % of each batch) is left
 * out. Inputs are RGB, {@code (v - 127.5) / 128}, NCHW: exactly what the detector feeds P-Net.
 */
public final class PnetTrainer {

  /** Weight of the box regression next to the classification, as in MTCNN's P-Net. */
  static final float BOX_WEIGHT = 0.5f;

  private static final int SIDE = 12;

  private PnetTrainer() {}

  /**
   * Samples loaded into memory.
   *
   * @param pixels {@code n * 3 * 12 * 12} normalised values
   * @param face 1 face, 0 no face, -1 not a classification sample (part)
   * @param box four targets each (zeros for negatives)
   * @param hasBox 1 where the box targets count
   */
  public record Samples(float[] pixels, float[] face, float[] box, float[] hasBox) {

    /** Returns the number of samples. */
    public int size() {
      return face.length;
    }
  }

  /**
   * Loads a mined 12 x 12 dataset.
   *
   * @param entries the index of a {@code mine-samples --size 12} dataset
   * @return the samples
   * @throws IOException if a crop cannot be read or is not 12 x 12
   */
  public static Samples load(List<SampleDataset.Entry> entries) throws IOException {
    int n = entries.size();
    int per = 3 * SIDE * SIDE;
    float[] pixels = new float[n * per];
    float[] face = new float[n];
    float[] box = new float[4 * n];
    float[] hasBox = new float[n];
    for (int i = 0; i < n; i++) {
      SampleDataset.Entry e = entries.get(i);
      BufferedImage img = ImageIO.read(e.file().toFile());
      if (img == null || img.getWidth() != SIDE || img.getHeight() != SIDE) {
        throw new IOException("not a 12 x 12 crop: " + e.file());
      }
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int rgb = img.getRGB(x, y); // crops are written as TYPE_INT_RGB: no colour conversion
          int p = y * SIDE + x;
          pixels[i * per + p] = (((rgb >> 16) & 0xff) - 127.5f) / 128f;
          pixels[i * per + SIDE * SIDE + p] = (((rgb >> 8) & 0xff) - 127.5f) / 128f;
          pixels[i * per + 2 * SIDE * SIDE + p] = ((rgb & 0xff) - 127.5f) / 128f;
        }
      }
      face[i] =
          switch (e.kind()) {
            case NEGATIVE -> 0;
            case POSITIVE, LANDMARK -> 1;
            case PART -> -1;
          };
      hasBox[i] = e.kind() == SampleKind.NEGATIVE ? 0 : 1;
      System.arraycopy(e.boxTarget(), 0, box, 4 * i, 4);
    }
    return new Samples(pixels, face, box, hasBox);
  }

  /**
   * Trains a new P-Net.
   *
   * @param manager where its parameters live
   * @param train the training samples
   * @param epochs passes over the samples
   * @param batchSize samples per step
   * @param learningRate Adam's rate
   * @param seed initialisation and shuffling seed
   * @param progress called with the epoch number after each epoch
   * @return the trained block (initialised for any input of at least 12 x 12) and the loss per step
   */
  public static HeadTrainer.Result train(
      NDManager manager,
      Samples train,
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      IntConsumer progress) {
    manager.getEngine().setRandomSeed((int) seed);
    Block pnet = MtcnnBlocks.pnet();
    pnet.initialize(manager, DataType.FLOAT32, new Shape(1, 3, SIDE, SIDE));
    List<Pair<String, NDArray>> trainable = new ArrayList<>();
    for (Pair<String, Parameter> p : pnet.getParameters()) {
      trainable.add(new Pair<>(p.getKey(), p.getValue().getArray()));
      p.getValue().getArray().setRequiresGradient(true);
    }
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    ParameterStore store = new ParameterStore(manager, false);
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      order.add(i);
    }
    int per = 3 * SIDE * SIDE;
    List<Float> curve = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int from = 0; from < order.size(); from += batchSize) {
        List<Integer> idx = order.subList(from, Math.min(order.size(), from + batchSize));
        int n = idx.size();
        float[] x = new float[n * per];
        float[] face = new float[n];
        float[] box = new float[4 * n];
        float[] hasBox = new float[n];
        for (int k = 0; k < n; k++) {
          int i = idx.get(k);
          System.arraycopy(train.pixels(), i * per, x, k * per, per);
          face[k] = train.face()[i];
          System.arraycopy(train.box(), 4 * i, box, 4 * k, 4);
          hasBox[k] = train.hasBox()[i];
        }
        try (NDManager batch = manager.newSubManager()) {
          try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDList out =
                pnet.forward(store, new NDList(batch.create(x, new Shape(n, 3, SIDE, SIDE))), true);
            NDArray l =
                objective(
                    out,
                    batch.create(face),
                    batch.create(box, new Shape(n, 4)),
                    batch.create(hasBox));
            gc.backward(l);
            curve.add(l.getFloat());
          }
          for (Pair<String, NDArray> t : trainable) {
            adam.update(t.getKey(), t.getValue(), t.getValue().getGradient());
          }
        }
      }
      progress.accept(epoch);
    }
    float[] c = new float[curve.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = curve.get(i);
    }
    return new HeadTrainer.Result(pnet, c);
  }

  /**
   * MTCNN's P-Net objective on a batch.
   *
   * @param out P-Net's heads: probabilities {@code (N, 2, 1, 1)} and regression {@code (N, 4, 1,
   *     1)}
   * @param face 1, 0, or -1 for samples without a class
   * @param box the targets {@code (N, 4)}
   * @param hasBox 1 where the box counts
   */
  static NDArray objective(NDList out, NDArray face, NDArray box, NDArray hasBox) {
    NDArray prob = out.get(0).reshape(-1, 2);
    NDArray reg = out.get(1).reshape(-1, 4);
    NDArray isClass = face.gte(0).toType(DataType.FLOAT32, false);
    NDArray p1 = prob.get(":, 1");
    // -log p(label), with p clipped away from 0 so a confident mistake costs at most -log(1e-7).
    NDArray pLabel = p1.mul(face).add(p1.neg().add(1).mul(face.neg().add(1)));
    NDArray ce = pLabel.clip(1e-7, 1).log().neg().mul(isClass).sum().div(isClass.sum().maximum(1));
    NDArray se =
        reg.sub(box).square().sum(new int[] {1}).mul(hasBox).sum().div(hasBox.sum().maximum(1));
    return ce.add(se.mul(BOX_WEIGHT));
  }

  /**
   * Recall and precision of a P-Net's face decision at a threshold on 12 x 12 samples (part faces
   * not counted), and its mean absolute box-regression error on the samples with a box.
   *
   * @param truePositives faces scored at or above the threshold
   * @param faces all faces
   * @param falsePositives non-faces at or above the threshold
   * @param nonFaces all non-faces
   * @param boxError mean absolute error of the four offsets, in crop sides
   */
  public record Figures(
      int truePositives, int faces, int falsePositives, int nonFaces, double boxError) {

    /** Returns the fraction of faces found. */
    public double recall() {
      return faces == 0 ? Double.NaN : (double) truePositives / faces;
    }

    /** Returns the fraction of accepted crops that are faces. */
    public double precision() {
      int accepted = truePositives + falsePositives;
      return accepted == 0 ? Double.NaN : (double) truePositives / accepted;
    }
  }

  /**
   * Measures a P-Net on samples.
   *
   * @param pnet an initialised P-Net
   * @param manager where temporary arrays live
   * @param samples the held-back samples
   * @param threshold face probability threshold (the detector's default is 0.6)
   * @return the figures
   */
  public static Figures evaluate(Block pnet, NDManager manager, Samples samples, float threshold) {
    int n = samples.size();
    float[] p;
    float[] reg;
    try (NDManager m = manager.newSubManager()) {
      NDList out =
          pnet.forward(
              new ParameterStore(m, false),
              new NDList(m.create(samples.pixels(), new Shape(n, 3, SIDE, SIDE))),
              false);
      p = out.get(0).reshape(-1, 2).get(":, 1").toFloatArray();
      reg = out.get(1).reshape(-1, 4).toFloatArray();
    }
    int tp = 0;
    int faces = 0;
    int fp = 0;
    int nonFaces = 0;
    double err = 0;
    int boxes = 0;
    for (int i = 0; i < n; i++) {
      boolean accepted = p[i] >= threshold;
      if (samples.face()[i] == 1) {
        faces++;
        tp += accepted ? 1 : 0;
      } else if (samples.face()[i] == 0) {
        nonFaces++;
        fp += accepted ? 1 : 0;
      }
      if (samples.hasBox()[i] == 1) {
        for (int j = 0; j < 4; j++) {
          err += Math.abs(reg[4 * i + j] - samples.box()[4 * i + j]);
        }
        boxes++;
      }
    }
    return new Figures(tp, faces, fp, nonFaces, boxes == 0 ? Double.NaN : err / (4 * boxes));
  }
}
