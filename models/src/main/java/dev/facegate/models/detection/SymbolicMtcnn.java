package dev.facegate.models.detection;

import ai.djl.Device;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import com.google.gson.Gson;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The three MTCNN networks as MXNet symbolic graphs, run by one {@code CachedOp} per call.
 *
 * <p>The imperative blocks of {@link MtcnnBlocks} cost one engine call, one output allocation and
 * (with oneDNN) layout conversions per operator; a batch through O-Net is about 20 of them, and
 * P-Net runs once per pyramid level. A symbolic graph is planned once: MXNet allocates its
 * intermediate buffers statically and runs the whole network in one call. The graph computes the
 * same network with the parameters taken from the imperative block, in a form oneDNN executes in
 * its blocked kernels: convolution channels padded with zero filters to a multiple of {@link
 * #CHANNEL_BLOCK}, and PReLU on convolution outputs rewritten with (fused) ReLUs, per-channel
 * scalings and a sum (see {@code Graph.prelu} and {@link PreluForm}). The numbers are the same up
 * to rounding: the summation order oneDNN picks, and one or two roundings in the PReLU.
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

  /** How a graph writes PReLU on a convolution's output (see {@code Graph.prelu}). */
  enum PreluForm {
    /**
     * {@code y + s relu(k y)}: oneDNN's BatchNorm with its ReLU fused, and a sum. Two passes over
     * the tensor (three where a slope is above 1). The fused operator exists only in MXNet's oneDNN
     * (CPU) build.
     */
    FUSED_RELU,
    /**
     * {@code a y + (1 - a) relu(y)}: a ReLU, two BatchNorm scalings and a sum; any MXNet device.
     */
    SCALED_SUM;

    /** The form for a device: the fused one on the CPU, where oneDNN runs the graph. */
    static PreluForm forDevice(Device device) {
      return Device.Type.CPU.equals(device.getDeviceType()) ? FUSED_RELU : SCALED_SUM;
    }
  }

  /**
   * Builds the symbolic twin of an initialised MTCNN block and gives it that block's parameters,
   * with the PReLU form of the manager's device.
   *
   * @param stage which network
   * @param loaded the imperative block with its weights (shipped or trained)
   * @param manager the model's manager (MXNet)
   * @return the symbolic block, input {@code data}
   */
  static Block of(Stage stage, Block loaded, NDManager manager) {
    return of(stage, loaded, manager, PreluForm.forDevice(manager.getDevice()));
  }

  /**
   * Builds the symbolic twin of an initialised MTCNN block with the given PReLU form.
   *
   * @param stage which network
   * @param loaded the imperative block with its weights (shipped or trained)
   * @param manager the model's manager (MXNet)
   * @param form how PReLU on convolution outputs is written
   * @return the symbolic block, input {@code data}
   */
  static Block of(Stage stage, Block loaded, NDManager manager, PreluForm form) {
    Map<String, NDArray> values = parameterValues(stage, loaded);
    Graph g = new Graph(values, form);
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
    ParameterList params = block.getDirectParameters();
    if (params.size() != g.sources.size()) {
      throw new IllegalStateException(
          stage + ": graph has " + params.size() + " parameters, expected " + g.sources.size());
    }
    Set<String> used = new HashSet<>();
    for (var entry : params) {
      Parameter p = entry.getValue();
      Source source = g.sources.get(p.getName());
      NDArray value = source == null ? null : values.get(source.network());
      if (value == null) {
        throw new IllegalStateException(stage + ": no value for " + p.getName());
      }
      used.add(source.network());
      long[] from = value.getShape().getShape();
      long[] shape = source.shape().length == 0 ? from : source.shape();
      float[] padded = zeroPadded(value.toFloatArray(), from, shape);
      p.setArray(manager.create(source.fill().apply(padded), new Shape(shape)));
    }
    if (!used.equals(values.keySet())) {
      throw new IllegalStateException(stage + ": the graph leaves parameters unused");
    }
    return block;
  }

  /**
   * Where a graph parameter's values come from.
   *
   * @param network the network's parameter it is made from
   * @param shape its shape in the graph: larger than the network's along some axes (zero padding),
   *     or empty for the network's own
   * @param fill maps the (padded) network values to the graph's
   */
  private record Source(String network, long[] shape, UnaryOperator<float[]> fill) {}

  /**
   * {@code values} of shape {@code from} (row-major) with each axis extended by zeros to {@code
   * shape}. A padded output channel of a convolution (zero filter, zero bias) is exactly zero;
   * PReLU and max-pooling keep it zero, and the next convolution gives it zero weights, so the
   * padding adds exact zeros to every sum.
   */
  static float[] zeroPadded(float[] values, long[] from, long[] shape) {
    if (from.length != shape.length) {
      throw new IllegalArgumentException(
          "rank " + from.length + " cannot be padded to " + shape.length);
    }
    int size = 1;
    for (int axis = 0; axis < shape.length; axis++) {
      if (shape[axis] < from[axis]) {
        throw new IllegalArgumentException("axis " + axis + " cannot shrink");
      }
      size = Math.multiplyExact(size, Math.toIntExact(shape[axis]));
    }
    if (Arrays.equals(from, shape)) {
      return values.clone();
    }
    float[] out = new float[size];
    int[] index = new int[from.length];
    for (float v : values) {
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
    return out;
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
    /** The network's parameters under the graph's names: the PReLU form depends on the slopes. */
    private final Map<String, NDArray> values;

    private final PreluForm preluForm;

    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final List<Integer> argNodes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Integer>> heads = new ArrayList<>();

    /** Channels of each tensor as the graph computes it, padding included. */
    private final Map<String, Integer> channels = new HashMap<>();

    /** The flat tensors (dense layers' inputs and outputs): never padded. */
    private final Set<String> flat = new HashSet<>();

    /** Channels of each tensor that carry the network's numbers; the rest are zero padding. */
    private final Map<String, Integer> realChannels = new HashMap<>();

    /** Every parameter of the graph, by name: where its values come from. */
    final Map<String, Source> sources = new HashMap<>();

    Graph(Map<String, NDArray> values, PreluForm preluForm) {
      this.values = values;
      this.preluForm = preluForm;
    }

    /** The network's input: an RGB batch. */
    String image(String name) {
      input(name);
      channels.put(name, 3);
      realChannels.put(name, 3);
      return name;
    }

    /**
     * A parameter of the graph made from the network's parameter {@code network}: zero-padded to
     * {@code shape} (none: the network's shape), then mapped by {@code fill}.
     */
    private String parameter(
        String name, String network, UnaryOperator<float[]> fill, long... shape) {
      sources.put(name, new Source(network, shape, fill));
      return input(name);
    }

    private String input(String name) {
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
      int in = channels.get(x);
      parameter(name + "_weight", name + "_weight", unchanged(), padded, in, kernel, kernel);
      parameter(name + "_bias", name + "_bias", unchanged(), padded);
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
      parameter(name + "_weight", name + "_weight", unchanged());
      parameter(name + "_bias", name + "_bias", unchanged());
      flat.add(name);
      return op(
          "FullyConnected",
          name,
          Map.of("num_hidden", String.valueOf(units), "no_bias", "False", "flatten", "True"),
          x,
          name + "_weight",
          name + "_bias");
    }

    /**
     * PReLU, {@code max(y, 0) + a min(y, 0)} per channel. On a dense layer's output it is MXNet's
     * PReLU operator. On a convolution's it is rewritten into operators that oneDNN executes in its
     * blocked layout: MXNet's own PReLU kernel is a generic broadcast loop over the plain layout,
     * which also made oneDNN convert every convolution's output out of its blocked layout and back
     * (on faces.jpg the rewrite measured 0.74 to 0.83 times the CPU of a detection).
     *
     * <ul>
     *   <li>{@link PreluForm#FUSED_RELU}: {@code y + s relu(k y)} with {@code k = a - 1, s = 1}
     *       where {@code a <= 1} and {@code k = 1 - a, s = -1} where {@code a > 1}; {@code relu(k
     *       y)} is one BatchNorm with oneDNN's fused ReLU, {@code s} a second BatchNorm only in a
     *       layer that has a slope above 1 (with the shipped weights: P-Net's and R-Net's first).
     *       For {@code y > 0} the result is {@code y} exactly, for {@code y <= 0} {@code a y} up to
     *       two roundings; a zero-padded channel ({@code a = 0}, {@code y = 0}) stays exactly zero.
     *       It saves the separate ReLU pass and, in most layers, a BatchNorm pass: 3 to 7 ms of the
     *       67 to 71 ms oneDNN spent per detection of faces.jpg (one thread, {@code DNNL_VERBOSE}).
     *   <li>{@link PreluForm#SCALED_SUM}: {@code a y + (1 - a) relu(y)}: a ReLU, two per-channel
     *       scalings and a sum. For {@code y <= 0} the result is {@code a y} exactly, for {@code y
     *       > 0} it is {@code y} up to one rounding.
     * </ul>
     *
     * Every scaling is an inference-mode BatchNorm (mean 0, variance 1, epsilon 0, shift 0), which
     * multiplies by its gamma with one rounding.
     */
    String prelu(String x, String name) {
      String slopes = name + "_gamma";
      if (flat.contains(x)) {
        parameter(slopes, slopes, unchanged());
        return same(x, op("LeakyReLU", name, Map.of("act_type", "prelu"), x, slopes));
      }
      int c = channels.get(x);
      if (preluForm == PreluForm.SCALED_SUM) {
        String positive =
            scale(
                op("Activation", name + "_relu", Map.of("act_type", "relu"), x),
                name + "_relu_scaled",
                slopes,
                a -> 1 - a,
                c);
        String negative = scale(x, name + "_scaled", slopes, a -> a, c);
        return same(x, op("elemwise_add", name, Map.of(), positive, negative));
      }
      boolean steep = false;
      for (float a : values.get(slopes).toFloatArray()) {
        steep |= a > 1;
      }
      String kink =
          scale(
              x,
              name + "_kink",
              slopes,
              a -> a <= 1 ? a - 1 : 1 - a,
              c,
              "_contrib_BatchNormWithReLU");
      if (steep) {
        kink = scale(kink, name + "_kink_sign", slopes, a -> a <= 1 ? 1 : -1, c, "BatchNorm");
      }
      return same(x, op("elemwise_add", name, Map.of(), x, kink));
    }

    /** {@code x} times {@code factor(slope)} per channel, as an inference-mode BatchNorm. */
    private String scale(String x, String name, String slopes, DoubleUnaryOperator factor, int c) {
      return scale(x, name, slopes, factor, c, "BatchNorm");
    }

    /**
     * {@code x} times {@code factor(slope)} per channel by the inference-mode BatchNorm operator
     * {@code batchNorm} ({@code BatchNorm}, or {@code _contrib_BatchNormWithReLU}, which also
     * applies a ReLU to the product).
     */
    private String scale(
        String x, String name, String slopes, DoubleUnaryOperator factor, int c, String batchNorm) {
      UnaryOperator<float[]> gamma =
          a -> {
            float[] g = new float[a.length];
            for (int i = 0; i < a.length; i++) {
              g[i] = (float) factor.applyAsDouble(a[i]);
            }
            return g;
          };
      UnaryOperator<float[]> zeros = a -> new float[a.length];
      UnaryOperator<float[]> ones =
          a -> {
            float[] v = new float[a.length];
            Arrays.fill(v, 1);
            return v;
          };
      parameter(name + "_gamma", slopes, gamma, c);
      parameter(name + "_beta", slopes, zeros, c);
      parameter(name + "_moving_mean", slopes, zeros, c);
      parameter(name + "_moving_var", slopes, ones, c);
      return op(
          batchNorm,
          name,
          Map.of("eps", "0", "fix_gamma", "False", "use_global_stats", "True", "axis", "1"),
          x,
          name + "_gamma",
          name + "_beta",
          name + "_moving_mean",
          name + "_moving_var");
    }

    private static UnaryOperator<float[]> unchanged() {
      return UnaryOperator.identity();
    }

    /** Records that {@code y} has the shape of {@code x} (element-wise operators, pooling). */
    private String same(String x, String y) {
      if (channels.containsKey(x)) {
        channels.put(y, channels.get(x));
        realChannels.put(y, realChannels.get(x));
      } else if (flat.contains(x)) {
        flat.add(y);
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
      String y = op("Flatten", x + "_flatten", Map.of(), x);
      flat.add(y);
      return y;
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
