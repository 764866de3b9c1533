package dev.facegate.models.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The classifier layer of the margin losses: cosines between the L2-normalised input and the
 * L2-normalised weight vector of each class, {@code (N, D) -> (N, C)}, values in {@code [-1, 1]}.
 * No bias: the margin losses compare angles only. Used in training only; the trained embedding
 * network is the part before it.
 */
public class CosineClassifier extends AbstractBlock {

  private static final byte VERSION = 1;

  /** Keeps the normalisation finite for an all-zero vector. */
  private static final double NORM_EPSILON = 1e-12;

  private final int classes;
  private final Parameter weight;

  /**
   * Creates the layer.
   *
   * @param classes the number of classes (identities) in the training set
   */
  public CosineClassifier(int classes) {
    super(VERSION);
    if (classes < 2) {
      throw new IllegalArgumentException("at least two classes are needed: " + classes);
    }
    this.classes = classes;
    weight =
        addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
  }

  /** Returns the class weights {@code (C, D)}. */
  public Parameter getWeight() {
    return weight;
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    weight.setShape(new Shape(classes, inputShapes[0].get(1)));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
    return new NDList(normalize(x).matMul(normalize(w).transpose()));
  }

  /** Returns the rows of {@code x} scaled to unit L2 norm. */
  public static NDArray normalize(NDArray x) {
    return x.div(x.square().sum(new int[] {1}, true).add(NORM_EPSILON).sqrt());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }

  @Override
  public String toString() {
    return "CosineClassifier(" + classes + ")";
  }
}
