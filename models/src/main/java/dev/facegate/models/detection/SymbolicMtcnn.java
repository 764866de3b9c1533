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
    String x = g.input("data");
    switch (stage) {
      case PNET -> {
        x = g.pool(g.prelu(g.conv(x, "conv1", 10, 3), "prelu1"), 2, true);
        x = g.prelu(g.conv(x, "conv2", 16, 3), "prelu2");
        x = g.prelu(g.conv(x, "conv3", 32, 3), "prelu3");
        g.heads(g.softmax(g.conv(x, "conv4_1", 2, 1)), g.conv(x, "conv4_2", 4, 1));
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
      p.setArray(value.duplicate());
    }
    return block;
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
