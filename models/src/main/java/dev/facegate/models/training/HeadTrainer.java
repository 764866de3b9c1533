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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains an {@link EmbeddingHead} on descriptors with identity labels and one {@link HeadLoss}.
 *
 * <p>Batches are "P x K": {@code P} identities with {@code K} samples each, drawn at random, so
 * that every batch has positives and negatives for the pair losses. The loop is written out
 * (gradient collector, Adam step per parameter) rather than through DJL's {@code Trainer} because
 * the center loss's centres are learnable arrays outside the block.
 */
public final class HeadTrainer {

  private final HeadLoss loss;
  private final int steps;
  private final int peoplePerBatch;
  private final int samplesPerPerson;
  private final float learningRate;
  private final long seed;

  private HeadTrainer(Builder b) {
    this.loss = Objects.requireNonNull(b.loss, "loss is required");
    this.steps = b.steps;
    this.peoplePerBatch = b.peoplePerBatch;
    this.samplesPerPerson = b.samplesPerPerson;
    this.learningRate = b.learningRate;
    this.seed = b.seed;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains a new head.
   *
   * @param manager where the head's parameters live (a model's manager)
   * @param descriptors L2-normalised descriptors, one per sample
   * @param labels identity index of each sample, {@code 0 .. C-1}
   * @param progress called with the step number every 50 steps
   * @return the trained head and the loss of every step
   */
  public Result train(
      NDManager manager, float[][] descriptors, int[] labels, IntConsumer progress) {
    if (descriptors.length != labels.length) {
      throw new IllegalArgumentException("one label per descriptor");
    }
    int classes = Arrays.stream(labels).max().orElse(-1) + 1;
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    // Fixed seeds: DJL's initialisers draw from the engine's generator.
    manager.getEngine().setRandomSeed((int) seed);
    Block head = EmbeddingHead.newInitialisedBlock(manager);
    CosineClassifier classifier = null;
    if (loss.needsClassifier()) {
      classifier = new CosineClassifier(classes);
      classifier.initialize(manager, DataType.FLOAT32, new Shape(1, EmbeddingHead.OUTPUT));
    }
    HeadLoss.Objective objective = loss.objective(manager, classes, EmbeddingHead.OUTPUT);
    List<Pair<String, NDArray>> trainable = new ArrayList<>();
    for (Pair<String, Parameter> p : head.getParameters()) {
      trainable.add(new Pair<>("head." + p.getKey(), p.getValue().getArray()));
    }
    if (classifier != null) {
      trainable.add(new Pair<>("classifier.weight", classifier.getWeight().getArray()));
    }
    for (NDArray extra : objective.extraParameters()) {
      trainable.add(new Pair<>("centres", extra));
    }
    trainable.forEach(p -> p.getValue().setRequiresGradient(true));
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
    ParameterStore store = new ParameterStore(manager, false);
    Random random = new Random(seed);
    float[] curve = new float[steps];
    int p = Math.min(peoplePerBatch, classes);
    for (int step = 0; step < steps; step++) {
      List<Integer> people = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        people.add(c);
      }
      java.util.Collections.shuffle(people, random);
      float[][] x = new float[p * samplesPerPerson][];
      int[] y = new int[x.length];
      int k = 0;
      for (int c : people.subList(0, p)) {
        List<Integer> own = new ArrayList<>(byClass.get(c));
        java.util.Collections.shuffle(own, random);
        for (int j = 0; j < samplesPerPerson; j++) {
          x[k] = descriptors[own.get(j % own.size())];
          y[k++] = c;
        }
      }
      try (NDManager batch = manager.newSubManager()) {
        NDArray input = batch.create(x);
        NDArray target = batch.create(y);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
          NDArray emb = head.forward(store, new NDList(input), true).head();
          NDArray cos =
              classifier == null ? null : classifier.forward(store, new NDList(emb), true).head();
          NDArray l = objective.evaluate(target, CosineClassifier.normalize(emb), cos);
          gc.backward(l);
          curve[step] = l.getFloat();
        }
        for (Pair<String, NDArray> t : trainable) {
          adam.update(t.getKey(), t.getValue(), t.getValue().getGradient());
        }
      }
      if ((step + 1) % 50 == 0) {
        progress.accept(step + 1);
      }
    }
    return new Result(head, curve);
  }

  /**
   * A trained head.
   *
   * @param head the head block, initialised and trained
   * @param lossCurve the loss of each step
   */
  public record Result(Block head, float[] lossCurve) {}

  /** Builds a {@link HeadTrainer}. */
  public static final class Builder {

    private HeadLoss loss;
    private int steps = 400;
    private int peoplePerBatch = 10;
    private int samplesPerPerson = 4;
    private float learningRate = 1e-3f;
    private long seed = 1;

    private Builder() {}

    /** Sets the loss (required). */
    public Builder setLoss(HeadLoss loss) {
      this.loss = loss;
      return this;
    }

    /** Sets the number of optimiser steps (default 400). */
    public Builder optSteps(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be positive: " + steps);
      }
      this.steps = steps;
      return this;
    }

    /** Sets P and K of the P x K batches (default 10 x 4). */
    public Builder optBatch(int people, int perPerson) {
      if (people < 2 || perPerson < 2) {
        throw new IllegalArgumentException("batches need >= 2 people with >= 2 samples each");
      }
      this.peoplePerBatch = people;
      this.samplesPerPerson = perPerson;
      return this;
    }

    /** Sets Adam's learning rate (default 1e-3). */
    public Builder optLearningRate(float rate) {
      this.learningRate = rate;
      return this;
    }

    /** Sets the seed of batch sampling and initialisation (default 1). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Builds the trainer. */
    public HeadTrainer build() {
      return new HeadTrainer(this);
    }
  }
}
