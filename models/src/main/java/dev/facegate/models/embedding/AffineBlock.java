package dev.facegate.models.embedding;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * dlib's {@code affine} layer (the inference form of batch normalisation): {@code y = x * scale +
 * shift} with one scale and one shift per channel of an NCHW input.
 */
public final class AffineBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Parameter scale;
  private final Parameter shift;

  /** Creates the block; the channel count is taken from the input at initialisation. */
  public AffineBlock() {
    super(VERSION);
    scale =
        addParameter(Parameter.builder().setName("scale").setType(Parameter.Type.GAMMA).build());
    shift = addParameter(Parameter.builder().setName("shift").setType(Parameter.Type.BETA).build());
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long channels = inputShapes[0].get(1);
    scale.setShape(new Shape(channels));
    shift.setShape(new Shape(channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Device device = x.getDevice();
    NDArray s = parameterStore.getValue(scale, device, training);
    NDArray t = parameterStore.getValue(shift, device, training);
    Shape perChannel = new Shape(1, s.getShape().get(0), 1, 1);
    return new NDList(x.mul(s.reshape(perChannel)).addi(t.reshape(perChannel)));
  }
}
