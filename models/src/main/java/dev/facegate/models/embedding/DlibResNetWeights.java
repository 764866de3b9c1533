package dev.facegate.models.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.facegate.models.weights.NamedArray;
import dev.facegate.models.weights.TfjsWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Copies face-api.js's {@code face_recognition_model} weights into an initialised {@link
 * DlibResNet#block(boolean)}.
 *
 * <p>The manifest lists the weights in forward order: per convolution unit {@code conv/filters},
 * {@code conv/bias}, {@code scale/weights}, {@code scale/biases}, and {@code fc} last. A
 * depth-first walk of the block meets its layers in the same order, so units and layers are paired
 * one by one; every pairing is checked by name and shape, so an architecture mismatch fails loudly
 * instead of producing garbage descriptors. When the block has no {@link AffineBlock} after a
 * convolution, the unit's scale and shift are folded into that convolution.
 */
public final class DlibResNetWeights {

  private DlibResNetWeights() {}

  /**
   * Loads the weights into the block.
   *
   * @param block an initialised {@link DlibResNet#block(boolean)}
   * @param weights the decoded manifest
   */
  public static void load(Block block, TfjsWeights weights) {
    List<Block> layers = new ArrayList<>();
    collect(block, layers);
    Iterator<NamedArray> source = weights.asMap().values().iterator();
    int next = 0;
    while (source.hasNext()) {
      NamedArray first = source.next();
      if (next >= layers.size()) {
        throw new IllegalArgumentException(
            "the manifest has more weights than the network: " + first.name());
      }
      Block layer = layers.get(next++);
      if (first.name().equals("fc")) {
        require(layer instanceof Linear, first.name(), layer);
        int[] s = first.shape();
        // TF stores the matrix as (in, out) for x @ W; DJL's Linear keeps (out, in).
        set(
            param(layer, "weight"),
            transpose2d(first.data(), s[0], s[1]),
            new Shape(s[1], s[0]),
            first);
        continue;
      }
      String unit = prefix(first, "conv/filters");
      NamedArray bias = expect(source, unit + "conv/bias");
      NamedArray scale = expect(source, unit + "scale/weights");
      NamedArray shift = expect(source, unit + "scale/biases");
      require(layer instanceof Conv2d, first.name(), layer);
      int[] s = first.shape();
      int out = s[3];
      float[] w = hwioToOihw(first.data(), s);
      float[] b = bias.data().clone();
      boolean folded = next >= layers.size() || !(layers.get(next) instanceof AffineBlock);
      if (folded) {
        // affine(conv(x)) = conv_{w*s}(x) + (b*s + t), channel by channel.
        int perOut = w.length / out;
        for (int o = 0; o < out; o++) {
          float k = scale.data()[o];
          for (int i = 0; i < perOut; i++) {
            w[o * perOut + i] *= k;
          }
          b[o] = b[o] * k + shift.data()[o];
        }
      }
      set(param(layer, "weight"), w, new Shape(out, s[2], s[0], s[1]), first);
      set(param(layer, "bias"), b, new Shape(out), bias);
      if (!folded) {
        Block affine = layers.get(next++);
        set(param(affine, "scale"), scale.data(), new Shape(out), scale);
        set(param(affine, "shift"), shift.data(), new Shape(out), shift);
      }
    }
    if (next != layers.size()) {
      throw new IllegalArgumentException(
          "the manifest has fewer weights than the network has layers (" + layers.size() + ")");
    }
  }

  private static void collect(Block block, List<Block> out) {
    if (block instanceof Conv2d || block instanceof AffineBlock || block instanceof Linear) {
      out.add(block);
      return;
    }
    for (Pair<String, Block> child : block.getChildren()) {
      collect(child.getValue(), out);
    }
  }

  private static String prefix(NamedArray w, String suffix) {
    if (!w.name().endsWith(suffix)) {
      throw new IllegalArgumentException(
          "expected a weight named .../" + suffix + " or fc, got " + w.name());
    }
    return w.name().substring(0, w.name().length() - suffix.length());
  }

  private static NamedArray expect(Iterator<NamedArray> source, String name) {
    if (!source.hasNext()) {
      throw new IllegalArgumentException("the manifest ends before " + name);
    }
    NamedArray w = source.next();
    if (!w.name().equals(name)) {
      throw new IllegalArgumentException("expected " + name + ", got " + w.name());
    }
    return w;
  }

  private static void require(boolean ok, String name, Block layer) {
    if (!ok) {
      throw new IllegalArgumentException(
          "manifest weight " + name + " does not belong to " + layer.getClass().getSimpleName());
    }
  }

  private static Parameter param(Block layer, String name) {
    return layer.getDirectParameters().get(name);
  }

  private static void set(Parameter p, float[] data, Shape shape, NamedArray source) {
    NDArray target = p.getArray();
    if (!target.getShape().equals(shape)) {
      throw new IllegalArgumentException(
          source.name()
              + " "
              + Arrays.toString(source.shape())
              + " does not fit parameter "
              + p.getName()
              + " "
              + target.getShape());
    }
    target.set(data);
  }

  private static float[] hwioToOihw(float[] src, int[] s) {
    // TF filters are HWIO; DJL convolutions want OIHW.
    int kh = s[0];
    int kw = s[1];
    int in = s[2];
    int out = s[3];
    float[] dst = new float[src.length];
    for (int h = 0; h < kh; h++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            dst[((o * in + i) * kh + h) * kw + x] = src[((h * kw + x) * in + i) * out + o];
          }
        }
      }
    }
    return dst;
  }

  private static float[] transpose2d(float[] src, int rows, int cols) {
    float[] dst = new float[src.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        dst[c * rows + r] = src[r * cols + c];
      }
    }
    return dst;
  }
}
