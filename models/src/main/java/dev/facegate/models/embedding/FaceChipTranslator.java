package dev.facegate.models.embedding;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.facegate.models.alignment.FaceChip;

/**
 * Pre- and post-processing of the dlib ResNet: a {@link FaceChip} of 150 px becomes {@code (x -
 * mean) / 256} per RGB channel (dlib's {@code input_rgb_image} normalisation); the output is the
 * raw 128-D descriptor (normalisation happens in {@link FaceEmbedder}, so the raw values stay
 * available for comparison with the reference implementation). Stateless; batches by stacking.
 */
public final class FaceChipTranslator implements Translator<FaceChip, float[]> {

  /** dlib's per-channel RGB means. */
  private static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

  private static final float SCALE = 256f;

  /** Creates the translator; it holds no state and can be shared. */
  public FaceChipTranslator() {}

  @Override
  public NDList processInput(TranslatorContext ctx, FaceChip chip) {
    int size = chip.size();
    if (size != DlibResNet.INPUT_SIZE) {
      throw new IllegalArgumentException(
          "the dlib ResNet needs a " + DlibResNet.INPUT_SIZE + " px chip, got " + size);
    }
    float[] rgb = chip.rgb();
    int plane = size * size;
    float[] data = new float[rgb.length];
    for (int c = 0; c < 3; c++) {
      float mean = MEAN_RGB[c];
      int base = c * plane;
      for (int i = 0; i < plane; i++) {
        data[base + i] = (rgb[base + i] - mean) / SCALE;
      }
    }
    return new NDList(ctx.getNDManager().create(data, new Shape(3, size, size)));
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    return list.singletonOrThrow().toFloatArray();
  }

  @Override
  public Batchifier getBatchifier() {
    return Batchifier.STACK;
  }
}
