package dev.facegate.models.detection;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.facegate.models.nn.ChannelPrelu;
import dev.facegate.models.nn.TfjsLayouts;
import dev.facegate.models.weights.TfjsWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * Factory methods for MTCNN's three networks as DJL blocks, and the loading of their TF.js weights.
 *
 * <p>All three take NCHW float input normalised as {@code (v - 127.5) / 128}. The original nets
 * were trained on transposed images (a MATLAB/Caffe legacy); instead of transposing every input,
 * {@link #loadWeights} swaps the spatial axes of the filters and permutes the first dense layer, so
 * the blocks run on images as they are and give the same numbers.
 *
 * <p>Outputs (an {@link NDList}, in this order):
 *
 * <ul>
 *   <li>P-Net ({@code N x 3 x H x W}, any {@code H, W >= 12}): face probability {@code N x 2 x H' x
 *       W'} (softmax over axis 1, index 1 = face) and box regression {@code N x 4 x H' x W'}; one
 *       cell per 12 x 12 window at stride 2.
 *   <li>R-Net ({@code N x 3 x 24 x 24}): probability {@code N x 2}, regression {@code N x 4}.
 *   <li>O-Net ({@code N x 3 x 48 x 48}): probability {@code N x 2}, regression {@code N x 4},
 *       landmarks {@code N x 10} (five x values, then five y values, relative to the input box).
 * </ul>
 */
public final class MtcnnBlocks {

  /** Input side of R-Net. */
  public static final int RNET_SIZE = 24;

  /** Input side of O-Net. */
  public static final int ONET_SIZE = 48;

  private MtcnnBlocks() {}

  /** Builds P-Net, the fully convolutional proposal network. */
  public static Block pnet() {
    return new SequentialBlock()
        .add(conv(10, 3))
        .add(new ChannelPrelu(10))
        .add(maxPool(2, true))
        .add(conv(16, 3))
        .add(new ChannelPrelu(16))
        .add(conv(32, 3))
        .add(new ChannelPrelu(32))
        .add(heads(new SequentialBlock().add(conv(2, 1)).add(softmax()), conv(4, 1)));
  }

  /** Builds R-Net, the refinement network on 24 x 24 crops. */
  public static Block rnet() {
    return new SequentialBlock()
        .add(conv(28, 3))
        .add(new ChannelPrelu(28))
        .add(maxPool(3, true))
        .add(conv(48, 3))
        .add(new ChannelPrelu(48))
        .add(maxPool(3, false))
        .add(conv(64, 2))
        .add(new ChannelPrelu(64))
        .add(Blocks.batchFlattenBlock())
        .add(linear(128))
        .add(new ChannelPrelu(128))
        .add(heads(new SequentialBlock().add(linear(2)).add(softmax()), linear(4)));
  }

  /** Builds O-Net, the output network on 48 x 48 crops with five landmarks. */
  public static Block onet() {
    return new SequentialBlock()
        .add(conv(32, 3))
        .add(new ChannelPrelu(32))
        .add(maxPool(3, true))
        .add(conv(64, 3))
        .add(new ChannelPrelu(64))
        .add(maxPool(3, false))
        .add(conv(64, 3))
        .add(new ChannelPrelu(64))
        .add(maxPool(2, true))
        .add(conv(128, 2))
        .add(new ChannelPrelu(128))
        .add(Blocks.batchFlattenBlock())
        .add(linear(256))
        .add(new ChannelPrelu(256))
        .add(heads(new SequentialBlock().add(linear(2)).add(softmax()), linear(4), linear(10)));
  }

  /**
   * Initialises a block built by {@link #pnet()}, {@link #rnet()} or {@link #onet()} and sets its
   * parameters from the MTCNN weights.
   *
   * @param net the block
   * @param stage which of the three it is
   * @param weights the decoded {@code mtcnn_model} manifest
   * @param manager where the parameter arrays live (the model's manager, on its device)
   */
  public static void loadWeights(Block net, Stage stage, TfjsWeights weights, NDManager manager) {
    net.initialize(manager, DataType.FLOAT32, stage.initShape());
    List<Block> layers = new ArrayList<>();
    collectLayers(net, layers);
    List<String> names = stage.layerNames();
    if (layers.size() != names.size()) {
      throw new IllegalStateException(
          stage + " has " + layers.size() + " parametrised layers, expected " + names.size());
    }
    String prefix = stage.prefix();
    for (int i = 0; i < layers.size(); i++) {
      Block layer = layers.get(i);
      String name = prefix + names.get(i);
      if (layer instanceof ChannelPrelu prelu) {
        prelu.getAlpha().getArray().set(weights.get(name + "_alpha").data());
      } else if (layer instanceof Conv2d conv) {
        float[] w = TfjsLayouts.hwioToOihw(weights.get(name + "/weights"), true);
        conv.getParameters().get("weight").getArray().set(w);
        conv.getParameters().get("bias").getArray().set(weights.get(name + "/bias").data());
      } else if (layer instanceof Linear fc) {
        float[] w =
            names.get(i).equals("fc1")
                ? TfjsLayouts.transposedNhwcDenseToLinear(
                    weights.get(name + "/weights"), stage.flattenChannels(), 3, 3)
                : TfjsLayouts.denseToLinear(weights.get(name + "/weights"));
        fc.getParameters().get("weight").getArray().set(w);
        fc.getParameters().get("bias").getArray().set(weights.get(name + "/bias").data());
      }
    }
  }

  /**
   * Returns the blocks that own weights (convolutions, dense layers, PReLUs), depth first in
   * forward order: the order of {@link Stage}'s layer names.
   */
  static List<Block> parametrisedLayers(Block net) {
    List<Block> layers = new ArrayList<>();
    collectLayers(net, layers);
    return layers;
  }

  /** Collects, depth first in forward order, the blocks that own weights. */
  private static void collectLayers(Block block, List<Block> out) {
    if (block instanceof Conv2d || block instanceof Linear || block instanceof ChannelPrelu) {
      out.add(block);
      return;
    }
    for (Block child : block.getChildren().values()) {
      collectLayers(child, out);
    }
  }

  private static Block conv(int filters, int kernel) {
    return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).build();
  }

  private static Block linear(int units) {
    return Linear.builder().setUnits(units).build();
  }

  /**
   * TensorFlow's "SAME" max-pooling of the original equals ceil-mode pooling here; the "VALID" ones
   * are floor mode.
   */
  private static Block maxPool(int kernel, boolean ceil) {
    return Pool.maxPool2dBlock(new Shape(kernel, kernel), new Shape(2, 2), new Shape(0, 0), ceil);
  }

  private static Block softmax() {
    return LambdaBlock.singleton(x -> x.softmax(1), "softmax");
  }

  private static Block heads(Block... branches) {
    return new ParallelBlock(
        outputs -> {
          NDList all = new NDList();
          outputs.forEach(all::addAll);
          return all;
        },
        List.of(branches));
  }

  /** The three networks of the cascade. */
  public enum Stage {
    /** Proposal network. */
    PNET(
        "pnet/", 0, 12, "conv1", "prelu1", "conv2", "prelu2", "conv3", "prelu3", "conv4_1",
        "conv4_2"),
    /** Refinement network. */
    RNET(
        "rnet/", 64, RNET_SIZE, "conv1", "prelu1", "conv2", "prelu2", "conv3", "prelu3", "fc1",
        "prelu4", "fc2_1", "fc2_2"),
    /** Output network. */
    ONET(
        "onet/", 128, ONET_SIZE, "conv1", "prelu1", "conv2", "prelu2", "conv3", "prelu3", "conv4",
        "prelu4", "fc1", "prelu5", "fc2_1", "fc2_2", "fc2_3");

    private final String prefix;
    private final int flattenChannels;
    private final int inputSize;
    private final List<String> layerNames;

    Stage(String prefix, int flattenChannels, int inputSize, String... layerNames) {
      this.prefix = prefix;
      this.flattenChannels = flattenChannels;
      this.inputSize = inputSize;
      this.layerNames = List.of(layerNames);
    }

    String prefix() {
      return prefix;
    }

    int flattenChannels() {
      return flattenChannels;
    }

    /** Returns the input side for R-Net and O-Net, the smallest one for P-Net. */
    public int inputSize() {
      return inputSize;
    }

    List<String> layerNames() {
      return layerNames;
    }

    Shape initShape() {
      return new Shape(1, 3, inputSize, inputSize);
    }

    /** Builds this stage's block. */
    public Block newBlock() {
      return switch (this) {
        case PNET -> pnet();
        case RNET -> rnet();
        case ONET -> onet();
      };
    }
  }
}
