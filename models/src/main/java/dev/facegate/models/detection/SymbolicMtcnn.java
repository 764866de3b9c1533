package dev.facegate.models.detection;

import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import com.google.gson.Gson;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three MTCNN networks as MXNet symbolic graphs, run by one {@code CachedOp} per call.
 *
 * <p>The imperative blocks of {@link MtcnnBlocks} cost one engine call, one output allocation and
 * (with oneDNN) layout conversions per operator; a batch through O-Net is about 20 of them, and
 * P-Net runs once per pyramid level. A symbolic graph is planned once: MXNet allocates its
 * intermediate buffers statically and runs the whole network in one call. The graph here is the
 * same network, operator for operator, with the parameters copied from the imperative block, so the
 * numbers are the same up to the summation order oneDNN picks.
 *
 * <p>MXNet only; the imperative blocks stay the definition (training, other engines).
 */
final class SymbolicMtcnn {

  /**
   * Convolution outputs are padded to a multiple of this many channels: oneDNN's blocked layouts
   * hold 8 (AVX2) or 16 (AVX-512) channels per block.
   */
  static final int CHANNEL_BLOCK = 16;

  private SymbolicMtcnn() {}

  /**
   * Builds the symbolic twin of an initialised MTCNN block and gives it that block's parameters.
   *
   * @param stage which network
   * @param loaded the imperative block with its weights (shipped or trained)
   * @param manager the model's manager (MXNet)
   * @return the symbolic block, input {@code data}
   */
  static Block of(Stage stage, Block loaded, NDManager manager) {
    Graph g = new Graph();
    String x = g.image("data");
    switch (stage) {
      case PNET -> {
        x = g.pool(g.prelu(g.conv(x, "conv1", 10, 3), "prelu1"), 2, true);
        x = g.prelu(g.conv(x, "conv2", 16, 3), "prelu2");
        x = g.prelu(g.conv(x, "conv3", 32, 3), "prelu3");
        g.heads(g.softmax(g.head(x, "conv4_1", 2, 1)), g.head(x, "conv4_2", 4, 1));
      }
      case RNET -> {
        x = g.pool(g.prelu(g.conv(x, "conv1", 28, 3), "prelu1"), 3, true);
        x = g.pool(g.prelu(g.conv(x, "conv2", 48, 3), "prelu2"), 3, false);
        x = g.prelu(g.conv(x, "conv3", 64, 2), "prelu3");
        x = g.prelu(g.dense(g.flatten(x), "fc1", 128), "prelu4");
        g.heads(g.softmax(g.dense(x, "fc2_1", 2)), g.dense(x, "fc2_2", 4));
      }
      case ONET -> {
        x = g.pool(g.prelu(g.conv(x, "conv1", 32, 3), "prelu1"), 3, true);
        x = g.pool(g.prelu(g.conv(x, "conv2", 64, 3), "prelu2"), 3, false);
        x = g.pool(g.prelu(g.conv(x, "conv3", 64, 3), "prelu3"), 2, true);
        x = g.prelu(g.conv(x, "conv4", 128, 2), "prelu4");
        x = g.prelu(g.dense(g.flatten(x), "fc1", 256), "prelu5");
        g.heads(g.softmax(g.dense(x, "fc2_1", 2)), g.dense(x, "fc2_2", 4), g.dense(x, "fc2_3", 10));
      }
    }
    Symbol symbol = Symbol.loadJson((MxNDManager) manager, g.toJson());
    MxSymbolBlock block = new MxSymbolBlock(manager, symbol);
    block.setInputNames(List.of("data"));
    Map<String, NDArray> values = parameterValues(stage, loaded);
    ParameterList params = block.getDirectParameters();
    if (params.size() != values.size()) {
      throw new IllegalStateException(
          stage + ": graph has " + params.size() + " parameters, block " + values.size());
    }
    for (var entry : params) {
      Parameter p = entry.getValue();
      NDArray value = values.get(p.getName());
      if (value == null) {
        throw new IllegalStateException(stage + ": no value for " + p.getName());
      }
      long[] padded = g.paddedShapes.get(p.getName());
      p.setArray(padded == null ? value.duplicate() : zeroPadded(value, padded, manager));
    }
    return block;
  }

  /**
   * {@code value} with each axis extended by zeros to {@code shape}. A padded output channel of a
   * convolution (zero filter, zero bias) is exactly zero; PReLU and max-pooling keep it zero, and
   * the next convolution gives it zero weights, so the padding adds exact zeros to every sum.
   */
  static NDArray zeroPadded(NDArray value, long[] shape, NDManager manager) {
    long[] from = value.getShape().getShape();
    if (from.length != shape.length) {
      throw new IllegalArgumentException(
          "rank " + from.length + " cannot be padded to " + shape.length);
    }
    float[] in = value.toFloatArray();
    int size = 1;
    for (int axis = 0; axis < shape.length; axis++) {
      if (shape[axis] < from[axis]) {
        throw new IllegalArgumentException("axis " + axis + " cannot shrink");
      }
      size = Math.multiplyExact(size, Math.toIntExact(shape[axis]));
    }
    float[] out = new float[size];
    int[] index = new int[from.length];
    for (float v : in) {
      int at = 0;
      for (int axis = 0; axis < shape.length; axis++) {
        at = at * (int) shape[axis] + index[axis];
      }
      out[at] = v;
      // Advance the source index in row-major order.
      for (int axis = from.length - 1; axis >= 0 && ++index[axis] == from[axis]; axis--) {
        index[axis] = 0;
      }
    }
    return manager.create(out, new ai.djl.ndarray.types.Shape(shape));
  }

  /** The imperative block's parameters under the graph's names ({@code conv1_weight}, ...). */
  private static Map<String, NDArray> parameterValues(Stage stage, Block loaded) {
    List<Block> layers = MtcnnBlocks.parametrisedLayers(loaded);
    List<String> names = stage.layerNames();
    Map<String, NDArray> values = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      for (var p : layers.get(i).getParameters()) {
        String suffix = p.getKey().equals("alpha") ? "gamma" : p.getKey();
        values.put(names.get(i) + "_" + suffix, p.getValue().getArray());
      }
    }
    return values;
  }

  /** Writes an MXNet symbol graph in its JSON form, one node per operator or variable. */
  private static final class Graph {
    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final List<Integer> argNodes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Integer>> heads = new ArrayList<>();

    /** Channels of each tensor as the graph computes it, padding included. */
    private final Map<String, Integer> channels = new HashMap<>();

    /** Channels of each tensor that carry the network's numbers; the rest are zero padding. */
    private final Map<String, Integer> realChannels = new HashMap<>();

    /** Parameters the graph holds larger than the network's, by name: zero-padded shapes. */
    final Map<String, long[]> paddedShapes = new HashMap<>();

    /** The network's input: an RGB batch. */
    String image(String name) {
      input(name);
      channels.put(name, 3);
      realChannels.put(name, 3);
      return name;
    }

    String input(String name) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("op", "null");
      n.put("name", name);
      n.put("inputs", List.of());
      argNodes.add(nodes.size());
      index.put(name, nodes.size());
      nodes.add(n);
      return name;
    }

    private String op(String op, String name, Map<String, String> attrs, String... inputs) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("op", op);
      n.put("name", name);
      if (!attrs.isEmpty()) {
        n.put("attrs", attrs);
      }
      List<List<Integer>> in = new ArrayList<>();
      for (String i : inputs) {
        in.add(List.of(index.get(i), 0, 0));
      }
      n.put("inputs", in);
      index.put(name, nodes.size());
      nodes.add(n);
      return name;
    }

    /**
     * A convolution whose output channels are padded to a multiple of {@link #CHANNEL_BLOCK}. With
     * 10 (P-Net) or 28 (R-Net) channels oneDNN falls back to im2col + GEMM in plain NCHW and the
     * following max-pooling to its reference loop, which measured 5 to 15 times slower than the
     * blocked kernels it uses for 16 or 32 channels.
     */
    String conv(String x, String name, int filters, int kernel) {
      int padded = (filters + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
      return conv(x, name, filters, padded, kernel);
    }

    /** A convolution whose output is a head of the network: never padded. */
    String head(String x, String name, int filters, int kernel) {
      return conv(x, name, filters, filters, kernel);
    }

    private String conv(String x, String name, int filters, int padded, int kernel) {
      input(name + "_weight");
      input(name + "_bias");
      int in = channels.get(x);
      if (padded != filters || in != realChannels.get(x)) {
        paddedShapes.put(name + "_weight", new long[] {padded, in, kernel, kernel});
        paddedShapes.put(name + "_bias", new long[] {padded});
      }
      channels.put(name, padded);
      realChannels.put(name, filters);
      return op(
          "Convolution",
          name,
          Map.of(
              "kernel",
              "(" + kernel + ", " + kernel + ")",
              "num_filter",
              String.valueOf(padded),
              "no_bias",
              "False"),
          x,
          name + "_weight",
          name + "_bias");
    }

    String dense(String x, String name, int units) {
      input(name + "_weight");
      input(name + "_bias");
      return op(
          "FullyConnected",
          name,
          Map.of("num_hidden", String.valueOf(units), "no_bias", "False", "flatten", "True"),
          x,
          name + "_weight",
          name + "_bias");
    }

    String prelu(String x, String name) {
      input(name + "_gamma");
      if (channels.containsKey(x) && !channels.get(x).equals(realChannels.get(x))) {
        paddedShapes.put(name + "_gamma", new long[] {channels.get(x)});
      }
      return same(x, op("LeakyReLU", name, Map.of("act_type", "prelu"), x, name + "_gamma"));
    }

    /** Records that {@code y} has the channels of {@code x} (element-wise operators, pooling). */
    private String same(String x, String y) {
      if (channels.containsKey(x)) {
        channels.put(y, channels.get(x));
        realChannels.put(y, realChannels.get(x));
      }
      return y;
    }

    /** Max-pooling, stride 2; {@code ceil} is TensorFlow's "SAME" here (MXNet's "full"). */
    String pool(String x, int kernel, boolean ceil) {
      return same(
          x,
          op(
              "Pooling",
              x + "_pool",
              Map.of(
                  "kernel",
                  "(" + kernel + ", " + kernel + ")",
                  "stride",
                  "(2, 2)",
                  "pool_type",
                  "max",
                  "pooling_convention",
                  ceil ? "full" : "valid"),
              x));
    }

    String flatten(String x) {
      if (!channels.get(x).equals(realChannels.get(x))) {
        // A dense layer would see the padding; no MTCNN network flattens a padded tensor.
        throw new IllegalStateException(x + " is padded and cannot be flattened");
      }
      return op("Flatten", x + "_flatten", Map.of(), x);
    }

    String softmax(String x) {
      return op("softmax", x + "_softmax", Map.of("axis", "1"), x);
    }

    void heads(String... outputs) {
      for (String o : outputs) {
        heads.add(List.of(index.get(o), 0, 0));
      }
    }

    String toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("nodes", nodes);
      json.put("arg_nodes", argNodes);
      List<Integer> rowPtr = new ArrayList<>();
      for (int i = 0; i <= nodes.size(); i++) {
        rowPtr.add(i);
      }
      json.put("node_row_ptr", rowPtr);
      json.put("heads", heads);
      json.put("attrs", Map.of("mxnet_version", List.of("int", 10900)));
      return new Gson().toJson(json);
    }
  }
}
