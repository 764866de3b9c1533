package dev.facegate.models.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Factory for dlib's face-recognition ResNet ({@code dlib_face_recognition_resnet_model_v1}), the
 * network behind face-api.js's {@code faceRecognitionNet}, as DJL Blocks.
 *
 * <p>Input {@code (N, 3, 150, 150)} normalised RGB, output {@code (N, 128)} unnormalised
 * descriptors. The layer order matches the TF.js weights manifest of face-api.js (each unit: conv
 * filters, conv bias, scale weights, scale biases; the last entry is the fully connected matrix),
 * which {@link DlibResNetWeights} relies on.
 *
 * <pre>
 *   conv 7x7/2 (32) -&gt; max-pool 3x3/2
 *   3 x residual(32)
 *   residual-down(64),  3 x residual(64)
 *   residual-down(128), 2 x residual(128)
 *   residual-down(256), 2 x residual(256), residual-down(256)
 *   global mean -&gt; fully connected 256 -&gt; 128 (no bias)
 * </pre>
 */
public final class DlibResNet {

  /** Side of the square input chip. */
  public static final int INPUT_SIZE = 150;

  /** Length of the descriptor. */
  public static final int EMBEDDING_SIZE = 128;

  private DlibResNet() {}

  /**
   * Builds the whole network as dlib defines it, with an {@link AffineBlock} after every
   * convolution (uninitialised).
   *
   * @return the block
   */
  public static Block block() {
    return block(false);
  }

  /**
   * Builds the whole network (uninitialised).
   *
   * <p>With {@code affineFolded} the affine layers are left out and {@link DlibResNetWeights} folds
   * their per-channel scale and shift into the preceding convolution ({@code w * s}, {@code b * s +
   * t}). The outputs are the same up to float rounding, with 58 fewer operator calls per forward
   * pass, which is what inference uses.
   *
   * @param affineFolded whether to leave the affine layers out
   * @return the block
   */
  public static Block block(boolean affineFolded) {
    boolean f = affineFolded;
    SequentialBlock net = new SequentialBlock();
    net.add(convDown(32, 7, f)).add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2)));
    for (int i = 0; i < 3; i++) {
      net.add(residual(32, f));
    }
    net.add(residualDown(64, f));
    for (int i = 0; i < 3; i++) {
      net.add(residual(64, f));
    }
    net.add(residualDown(128, f));
    for (int i = 0; i < 2; i++) {
      net.add(residual(128, f));
    }
    net.add(residualDown(256, f));
    for (int i = 0; i < 2; i++) {
      net.add(residual(256, f));
    }
    net.add(residualDown(256, f));
    net.add(new LambdaBlock(list -> new NDList(globalMean(list.singletonOrThrow())), "globalMean"));
    net.add(Linear.builder().setUnits(EMBEDDING_SIZE).optBias(false).build());
    return net;
  }

  /**
   * Convolution + affine (+ ReLU), stride 1, "same" padding: dlib's {@code con} / {@code affine}
   * pair.
   *
   * @param filters output channels
   * @param relu whether a ReLU follows
   * @param affineFolded whether the affine layer is folded into the convolution
   * @return the block
   */
  public static Block conv(int filters, boolean relu, boolean affineFolded) {
    SequentialBlock unit =
        new SequentialBlock()
            .add(
                Conv2d.builder()
                    .setFilters(filters)
                    .setKernelShape(new Shape(3, 3))
                    .optPadding(new Shape(1, 1))
                    .build());
    if (!affineFolded) {
      unit.add(new AffineBlock());
    }
    if (relu) {
      unit.add(Activation.reluBlock());
    }
    return unit;
  }

  /**
   * Convolution with stride 2 and no padding (TF "valid"), affine, ReLU: the down-sampling unit.
   *
   * @param filters output channels
   * @param kernel kernel side
   * @param affineFolded whether the affine layer is folded into the convolution
   * @return the block
   */
  public static Block convDown(int filters, int kernel, boolean affineFolded) {
    SequentialBlock unit =
        new SequentialBlock()
            .add(
                Conv2d.builder()
                    .setFilters(filters)
                    .setKernelShape(new Shape(kernel, kernel))
                    .optStride(new Shape(2, 2))
                    .build());
    if (!affineFolded) {
      unit.add(new AffineBlock());
    }
    return unit.add(Activation.reluBlock());
  }

  /**
   * Residual block: {@code relu(x + affine(conv(relu(affine(conv(x))))))}.
   *
   * @param filters channels in and out
   * @param affineFolded whether the affine layers are folded into the convolutions
   * @return the block
   */
  public static Block residual(int filters, boolean affineFolded) {
    SequentialBlock main =
        new SequentialBlock()
            .add(conv(filters, true, affineFolded))
            .add(conv(filters, false, affineFolded));
    return new SequentialBlock()
        .add(new ParallelBlock(DlibResNet::addBranches, List.of(main, Blocks.identityBlock())))
        .add(Activation.reluBlock());
  }

  /**
   * Down-sampling residual block. The main branch is a stride-2 "valid" conv and a "same" conv; the
   * shortcut is a 2x2 average pool with the missing channels filled with zeros. When the two
   * branches disagree in size (odd inputs: the pool keeps one row more than the conv), the smaller
   * one is zero-padded at the bottom and right, as dlib's {@code add_prev} does.
   *
   * @param filters output channels (the input has the same number or half of them)
   * @param affineFolded whether the affine layers are folded into the convolutions
   * @return the block
   */
  public static Block residualDown(int filters, boolean affineFolded) {
    SequentialBlock main =
        new SequentialBlock()
            .add(convDown(filters, 3, affineFolded))
            .add(conv(filters, false, affineFolded));
    Block shortcut =
        new SequentialBlock()
            .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
            .add(
                new LambdaBlock(
                    list -> new NDList(padChannels(list.singletonOrThrow(), filters)),
                    "zeroChannelPad"));
    return new SequentialBlock()
        .add(new ParallelBlock(DlibResNet::addBranches, List.of(main, shortcut)))
        .add(Activation.reluBlock());
  }

  private static NDArray globalMean(NDArray x) {
    Shape s = x.getShape();
    // One reduction axis: PyTorch's engine rejects a mean over several axes at once.
    return x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
  }

  private static NDArray padChannels(NDArray x, int channels) {
    Shape s = x.getShape();
    long missing = channels - s.get(1);
    if (missing <= 0) {
      return x;
    }
    NDManager m = x.getManager();
    return x.concat(m.zeros(new Shape(s.get(0), missing, s.get(2), s.get(3)), x.getDataType()), 1);
  }

  private static NDList addBranches(List<NDList> branches) {
    NDArray main = branches.get(0).singletonOrThrow();
    NDArray shortcut = branches.get(1).singletonOrThrow();
    Shape ms = main.getShape();
    Shape ss = shortcut.getShape();
    // Residual-down on odd sizes: the shortcut is never smaller than the main branch.
    long h = Math.max(ms.get(2), ss.get(2));
    long w = Math.max(ms.get(3), ss.get(3));
    return new NDList(padTo(main, h, w).add(padTo(shortcut, h, w)));
  }

  private static NDArray padTo(NDArray x, long h, long w) {
    Shape s = x.getShape();
    NDManager m = x.getManager();
    NDArray out = x;
    if (s.get(2) < h) {
      out =
          out.concat(
              m.zeros(new Shape(s.get(0), s.get(1), h - s.get(2), s.get(3)), x.getDataType()), 2);
    }
    if (s.get(3) < w) {
      out = out.concat(m.zeros(new Shape(s.get(0), s.get(1), h, w - s.get(3)), x.getDataType()), 3);
    }
    return out;
  }
}
