package dev.facegate.models.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * A small embedding head trained on top of the frozen 128-D dlib descriptor: {@code Linear(256) ->
 * ReLU -> Linear(128)}, compared by cosine like the descriptor itself. Its input is the
 * L2-normalised descriptor.
 */
public final class EmbeddingHead {

  /** Dimension of the descriptor the head reads. */
  public static final int INPUT = 128;

  /** Hidden width. */
  public static final int HIDDEN = 256;

  /** Output dimension. */
  public static final int OUTPUT = 128;

  private EmbeddingHead() {}

  /** Builds the head (uninitialised). */
  public static Block newBlock() {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(HIDDEN).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(OUTPUT).build());
  }

  /** Builds the head and initialises it for {@code (N, 128)} float input. */
  public static Block newInitialisedBlock(NDManager manager) {
    Block block = newBlock();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, INPUT));
    return block;
  }

  /**
   * Runs a head over descriptors (inference).
   *
   * @param head an initialised head
   * @param manager where the temporary arrays live
   * @param descriptors L2-normalised descriptors
   * @return the L2-normalised head embeddings
   */
  public static float[][] embed(Block head, NDManager manager, float[][] descriptors) {
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(descriptors);
      NDArray y =
          CosineClassifier.normalize(
              head.forward(new ParameterStore(m, false), new NDList(x), false).head());
      float[] flat = y.toFloatArray();
      float[][] out = new float[descriptors.length][OUTPUT];
      for (int i = 0; i < out.length; i++) {
        System.arraycopy(flat, i * OUTPUT, out[i], 0, OUTPUT);
      }
      return out;
    }
  }
}
