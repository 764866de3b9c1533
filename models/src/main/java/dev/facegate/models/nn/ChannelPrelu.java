package dev.facegate.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Prelu;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * PReLU with one learned slope per channel (axis 1), for {@code (N, C)} and {@code (N, C, H, W)}
 * inputs.
 *
 * <p>DJL's {@link Prelu} block learns a single scalar slope; MTCNN needs one per channel. MXNet's
 * PReLU operator ({@code LeakyReLU}) broadcasts a {@code (C)} slope along axis 1, so on MXNet this
 * block uses that fused operator; DJL's PyTorch binding has no PReLU, so elsewhere it is composed
 * from element-wise operations.
 */
public class ChannelPrelu extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Parameter alpha;
  private final int channels;

  /**
   * Creates the block.
   *
   * @param channels the number of channels (size of axis 1 of the input)
   */
  public ChannelPrelu(int channels) {
    super(VERSION);
    if (channels <= 0) {
      throw new IllegalArgumentException("channels must be positive: " + channels);
    }
    this.channels = channels;
    alpha =
        addParameter(
            Parameter.builder()
                .setName("alpha")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(channels))
                // Xavier (the WEIGHT default) needs 2-D shapes; 0.25 is PReLU's customary start.
                .optInitializer(new ConstantInitializer(0.25f))
                .build());
  }

  /** Returns the slope parameter, shape {@code (C)}. */
  public Parameter getAlpha() {
    return alpha;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray a = parameterStore.getValue(alpha, x.getDevice(), training);
    if ("MXNet".equals(x.getManager().getEngine().getEngineName())) {
      return Prelu.prelu(x, a); // one fused operator
    }
    // DJL's PyTorch binding has no prelu: max(x, 0) + alpha * min(x, 0), alpha along axis 1.
    long[] shape = new long[x.getShape().dimension()];
    java.util.Arrays.fill(shape, 1);
    shape[1] = channels;
    return new NDList(x.maximum(0f).add(x.minimum(0f).mul(a.reshape(shape))));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public String toString() {
    return "ChannelPrelu(" + channels + ")";
  }
}
