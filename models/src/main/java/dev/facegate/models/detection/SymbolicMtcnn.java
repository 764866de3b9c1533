package dev.facegate.models.detection;

import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
    return build(stage, false, false, loaded, manager);
  }

  /**
   * Builds the faster twin: each convolution followed by a PReLU becomes a convolution with twice
   * the filters ({@code y} and {@code -y}, interleaved), a ReLU and a grouped 1 x 1 convolution
   * that takes {@code relu(y) - a * relu(-y)}, which is {@code prelu(y)} exactly (one of the two
   * terms is 0). MXNet's PReLU has no oneDNN kernel: it runs a generic, unvectorised broadcast
   * loop, and oneDNN's blocked layout is converted to plain and back around it; convolution, ReLU
   * and grouped convolution all stay in oneDNN. The PReLUs after dense layers (one value per unit
   * and crop) are kept.
   *
   * <p>With {@code packed} (P-Net only), the graph takes a whole pyramid on one canvas ({@link
   * PyramidLayout}): a second input, {@code mask} ({@code 1 x 1 x (height - 2) x (width - 2)}), is
   * added to the first activations before the pooling, so that no output cell mixes two levels.
   *
   * @param stage which network
   * @param packed whether P-Net takes the packed pyramid and its mask
   * @param splitPrelu whether convolution + PReLU pairs take the split form
   * @param loaded the imperative block with its weights (shipped or trained)
   * @param manager the model's manager (MXNet)
   * @return the symbolic block, input {@code data} (and {@code mask} when packed)
   */
  static Block optimised(
      Stage stage, boolean packed, boolean splitPrelu, Block loaded, NDManager manager) {
    if (packed && stage != Stage.PNET) {
      throw new IllegalArgumentException("only P-Net takes a packed pyramid");
    }
    return build(stage, packed, splitPrelu, loaded, manager);
  }

  private static Block build(
      Stage stage, boolean masked, boolean splitPrelu, Block loaded, NDManager manager) {
    Graph g = new Graph(splitPrelu);
    String x = g.input("data");
    String mask = masked ? g.input("mask") : null;
    switch (stage) {
      case PNET -> {
        x = g.convPrelu(x, "conv1", "prelu1", 10, 3);
        if (mask != null) {
          x = g.add(x, mask);
        }
        x = g.pool(x, 2, true);
        x = g.convPrelu(x, "conv2", "prelu2", 16, 3);
        x = g.convPrelu(x, "conv3", "prelu3", 32, 3);
        g.heads(g.softmax(g.conv(x, "conv4_1", 2, 1)), g.conv(x, "conv4_2", 4, 1));
      }
      case RNET -> {
        x = g.pool(g.convPrelu(x, "conv1", "prelu1", 28, 3), 3, true);
        x = g.pool(g.convPrelu(x, "conv2", "prelu2", 48, 3), 3, false);
        x = g.convPrelu(x, "conv3", "prelu3", 64, 2);
        x = g.prelu(g.dense(g.flatten(x), "fc1", 128), "prelu4");
        g.heads(g.softmax(g.dense(x, "fc2_1", 2)), g.dense(x, "fc2_2", 4));
      }
      case ONET -> {
        x = g.pool(g.convPrelu(x, "conv1", "prelu1", 32, 3), 3, true);
        x = g.pool(g.convPrelu(x, "conv2", "prelu2", 64, 3), 3, false);
        x = g.pool(g.convPrelu(x, "conv3", "prelu3", 64, 3), 2, true);
        x = g.convPrelu(x, "conv4", "prelu4", 128, 2);
        x = g.prelu(g.dense(g.flatten(x), "fc1", 256), "prelu5");
        g.heads(g.softmax(g.dense(x, "fc2_1", 2)), g.dense(x, "fc2_2", 4), g.dense(x, "fc2_3", 10));
      }
    }
    Symbol symbol = Symbol.loadJson((MxNDManager) manager, g.toJson());
    MxSymbolBlock block = new MxSymbolBlock(manager, symbol);
    block.setInputNames(mask != null ? List.of("data", "mask") : List.of("data"));
    try (NDManager scratch = manager.newSubManager()) {
      Map<String, NDArray> values = parameterValues(stage, loaded);
      for (String[] pair : g.splitPrelus) {
        split(values, pair[0], pair[1], scratch);
      }
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
        NDArray copy = value.duplicate();
        copy.attach(manager);
        p.setArray(copy);
      }
    }
    return block;
  }

  /**
   * Replaces a convolution's and its PReLU's parameters by those of the split form: filters and
   * biases interleaved with their negations ({@code y_0, -y_0, y_1, -y_1, ...}) and, per channel,
   * the 1 x 1 weights {@code (1, -a)}. The new arrays live in {@code scratch}.
   */
  private static void split(
      Map<String, NDArray> values, String conv, String prelu, NDManager scratch) {
    NDArray w = values.get(conv + "_weight");
    NDArray b = values.get(conv + "_bias");
    NDArray a = values.remove(prelu + "_gamma");
    long filters = w.getShape().get(0);
    Shape kernel = w.getShape().slice(1);
    NDArray wNeg = w.neg();
    NDArray bNeg = b.neg();
    NDArray slope = a.reshape(filters);
    NDArray ones = scratch.ones(slope.getShape(), slope.getDataType());
    NDArray slopeNeg = slope.neg();
    for (NDArray t : List.of(wNeg, bNeg, slope, slopeNeg)) {
      t.attach(scratch);
    }
    NDArray weight = interleave(w, wNeg, scratch).reshape(new Shape(2 * filters).addAll(kernel));
    NDArray bias = interleave(b, bNeg, scratch).reshape(2 * filters);
    NDArray mix = interleave(ones, slopeNeg, scratch).reshape(filters, 2, 1, 1);
    if (Integer.getInteger("tmp.groups", 1) == 1) {
      float[] pairs = mix.toFloatArray();
      float[] dense = new float[(int) (filters * 2 * filters)];
      for (int c = 0; c < filters; c++) {
        dense[(int) (c * 2 * filters + 2 * c)] = pairs[2 * c];
        dense[(int) (c * 2 * filters + 2 * c + 1)] = pairs[2 * c + 1];
      }
      mix = scratch.create(dense, new Shape(filters, 2 * filters, 1, 1));
    }
    values.put(conv + "_weight", weight);
    values.put(conv + "_bias", bias);
    values.put(prelu + "_mix_weight", mix);
  }

  /** Stacks {@code a} and {@code b} along a new axis 1, so their rows alternate once flattened. */
  private static NDArray interleave(NDArray a, NDArray b, NDManager scratch) {
    NDArray stacked = NDArrays.stack(new NDList(a, b), 1);
    stacked.attach(scratch);
    return stacked;
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
    private final boolean splitPrelu;

    /** (convolution, PReLU) name pairs written in the split form. */
    private final List<String[]> splitPrelus = new ArrayList<>();

    Graph(boolean splitPrelu) {
      this.splitPrelu = splitPrelu;
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

    String conv(String x, String name, int filters, int kernel) {
      input(name + "_weight");
      input(name + "_bias");
      return op(
          "Convolution",
          name,
          Map.of(
              "kernel",
              "(" + kernel + ", " + kernel + ")",
              "num_filter",
              String.valueOf(filters),
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

    /** A convolution followed by a PReLU, in the split form if the graph uses it. */
    String convPrelu(String x, String conv, String prelu, int filters, int kernel) {
      if (!splitPrelu) {
        return prelu(conv(x, conv, filters, kernel), prelu);
      }
      splitPrelus.add(new String[] {conv, prelu});
      String both = conv(x, conv, 2 * filters, kernel);
      String rectified = op("Activation", both + "_relu", Map.of("act_type", "relu"), both);
      input(prelu + "_mix_weight");
      return op(
          "Convolution",
          prelu,
          Map.of(
              "kernel",
              "(1, 1)",
              "num_filter",
              String.valueOf(filters),
              "num_group",
              Integer.getInteger("tmp.groups", 1) == 1 ? "1" : String.valueOf(filters),
              "no_bias",
              "True"),
          rectified,
          prelu + "_mix_weight");
    }

    String prelu(String x, String name) {
      input(name + "_gamma");
      return op("LeakyReLU", name, Map.of("act_type", "prelu"), x, name + "_gamma");
    }

    /** Max-pooling, stride 2; {@code ceil} is TensorFlow's "SAME" here (MXNet's "full"). */
    String pool(String x, int kernel, boolean ceil) {
      return op(
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
          x);
    }

    /** Adds {@code b}, broadcast over the axes where it has size 1. */
    String add(String a, String b) {
      return op("broadcast_add", a + "_plus_" + b, Map.of(), a, b);
    }

    String flatten(String x) {
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
