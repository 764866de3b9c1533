package dev.facegate.models.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Moves one MTCNN stage's input batch into the engine and its output heads back out.
 *
 * <p>Pixel pre-processing (resizing, normalisation, cropping) happens in plain Java before this
 * translator, because it is cheaper there than as many small NDArray operations; see {@link
 * Resampler}.
 */
final class StageTranslator
    implements NoBatchifyTranslator<StageTranslator.Batch, StageTranslator.Heads> {

  /**
   * A normalised NCHW batch.
   *
   * @param data {@code n * 3 * height * width} values
   * @param n batch size
   * @param height image height
   * @param width image width
   */
  record Batch(float[] data, int n, int height, int width) {}

  /**
   * The output heads of a stage, each flattened in NCHW (or NC) order.
   *
   * @param data one array per head
   * @param shapes the shape of each head
   */
  record Heads(float[][] data, Shape[] shapes) {}

  @Override
  public NDList processInput(TranslatorContext ctx, Batch input) {
    return new NDList(
        ctx.getNDManager()
            .create(input.data(), new Shape(input.n(), 3, input.height(), input.width())));
  }

  @Override
  public Heads processOutput(TranslatorContext ctx, NDList list) {
    float[][] data = new float[list.size()][];
    Shape[] shapes = new Shape[list.size()];
    for (int i = 0; i < list.size(); i++) {
      NDArray a = list.get(i);
      data[i] = a.toFloatArray();
      shapes[i] = a.getShape();
    }
    return new Heads(data, shapes);
  }
}
