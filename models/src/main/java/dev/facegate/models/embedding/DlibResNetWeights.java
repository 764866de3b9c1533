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
 * DlibResNet#block()}.
 *
 * <p>The manifest lists the weights in forward order, and a depth-first walk of the block visits
 * its parameters in the same order, so they are paired one by one; each pairing is checked by kind
 * (conv filters to a conv weight, scale weights to an affine scale, ...) and by shape, so a
 * mismatch in the architecture fails loudly instead of producing garbage descriptors.
 */
public final class DlibResNetWeights {

  private DlibResNetWeights() {}

  /**
   * Loads the weights into the block.
   *
   * @param block an initialised {@link DlibResNet#block()}
   * @param weights the decoded manifest
   */
  public static void load(Block block, TfjsWeights weights) {
    List<Pair<Block, Parameter>> params = new ArrayList<>();
    collect(block, params);
    Iterator<NamedArray> source = weights.asMap().values().iterator();
    for (Pair<Block, Parameter> p : params) {
      if (!source.hasNext()) {
        throw new IllegalArgumentException(
            "the manifest has fewer weights than the network has parameters ("
                + params.size()
                + ")");
      }
      NamedArray w = source.next();
      Block owner = p.getKey();
      Parameter param = p.getValue();
      checkKind(owner, param, w.name());
      NDArray target = param.getArray();
      float[] data = toDjlLayout(w, owner);
      Shape expected = target.getShape();
      if (expected.size() != data.length) {
        throw new IllegalArgumentException(
            w.name()
                + " "
                + Arrays.toString(w.shape())
                + " does not fit parameter "
                + param.getName()
                + " "
                + expected);
      }
      if (owner instanceof Conv2d && param.getType() == Parameter.Type.WEIGHT) {
        // HWIO -> OIHW must agree dimension by dimension, not only in size.
        int[] s = w.shape();
        Shape oihw = new Shape(s[3], s[2], s[0], s[1]);
        if (!oihw.equals(expected)) {
          throw new IllegalArgumentException(
              w.name() + " is " + oihw + " as OIHW, the network wants " + expected);
        }
      }
      target.set(data);
    }
    if (source.hasNext()) {
      throw new IllegalArgumentException(
          "the manifest has more weights than the network, next: " + source.next().name());
    }
  }

  private static void collect(Block block, List<Pair<Block, Parameter>> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      out.add(new Pair<>(block, p.getValue()));
    }
    for (Pair<String, Block> child : block.getChildren()) {
      collect(child.getValue(), out);
    }
  }

  private static void checkKind(Block owner, Parameter param, String name) {
    boolean ok;
    if (owner instanceof Conv2d) {
      ok =
          param.getType() == Parameter.Type.WEIGHT
              ? name.endsWith("conv/filters")
              : name.endsWith("conv/bias");
    } else if (owner instanceof AffineBlock) {
      ok =
          param.getType() == Parameter.Type.GAMMA
              ? name.endsWith("scale/weights")
              : name.endsWith("scale/biases");
    } else if (owner instanceof Linear) {
      ok = name.equals("fc");
    } else {
      ok = false;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "manifest weight "
              + name
              + " does not belong to "
              + owner.getClass().getSimpleName()
              + "."
              + param.getName());
    }
  }

  private static float[] toDjlLayout(NamedArray w, Block owner) {
    int[] s = w.shape();
    float[] src = w.data();
    if (owner instanceof Conv2d && s.length == 4) {
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
    if (owner instanceof Linear && s.length == 2) {
      // TF stores the matrix as (in, out) for x @ W; DJL's Linear keeps (out, in).
      int in = s[0];
      int out = s[1];
      float[] dst = new float[src.length];
      for (int i = 0; i < in; i++) {
        for (int o = 0; o < out; o++) {
          dst[o * in + i] = src[i * out + o];
        }
      }
      return dst;
    }
    return src;
  }
}
