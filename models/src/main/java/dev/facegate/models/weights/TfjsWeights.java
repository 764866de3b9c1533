package dev.facegate.models.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The weights of one TF.js weights manifest ({@code *-weights_manifest.json}) with its binary
 * shards, decoded to named float arrays.
 *
 * <p>A manifest is a JSON array of groups {@code {"paths": [shard...], "weights": [{name, shape,
 * dtype, quantization?}...]}}. The shards of a group, concatenated in order, hold the group's
 * weights back to back, little-endian. Supported encodings: {@code float32}, {@code float16}, and
 * {@code uint8} / {@code uint16} quantisation, dequantised as {@code q * scale + min}. Anything
 * else is rejected rather than guessed.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TfjsWeights {

  /** Opens a file named in a manifest (a shard), relative to the manifest's location. */
  @FunctionalInterface
  public interface ShardOpener {
    /**
     * Opens the shard with the given relative path.
     *
     * @param relativePath the path as written in the manifest's {@code paths}
     * @return a stream the caller closes
     * @throws IOException if the shard cannot be opened
     */
    InputStream open(String relativePath) throws IOException;
  }

  private final Map<String, NamedArray> arrays;

  private TfjsWeights(Map<String, NamedArray> arrays) {
    this.arrays = Collections.unmodifiableMap(arrays);
  }

  /**
   * Loads a manifest file and the shards next to it.
   *
   * @param manifest the path of the {@code *-weights_manifest.json}
   * @return the decoded weights
   * @throws IOException if a file cannot be read or the manifest is malformed
   */
  public static TfjsWeights load(Path manifest) throws IOException {
    Path dir = manifest.toAbsolutePath().getParent();
    try (InputStream in = Files.newInputStream(manifest)) {
      return load(in, p -> Files.newInputStream(dir.resolve(p)));
    }
  }

  /**
   * Loads a manifest from the classpath, its shards from the same resource folder.
   *
   * @param resourcePath absolute resource path of the manifest, e.g. {@code
   *     /dev/facegate/models/weights/mtcnn/mtcnn_model-weights_manifest.json}
   * @return the decoded weights
   * @throws IOException if a resource is missing or the manifest is malformed
   */
  public static TfjsWeights loadResource(String resourcePath) throws IOException {
    String dir = resourcePath.substring(0, resourcePath.lastIndexOf('/') + 1);
    ShardOpener opener = p -> openResource(dir + p);
    try (InputStream in = openResource(resourcePath)) {
      return load(in, opener);
    }
  }

  private static InputStream openResource(String path) throws IOException {
    InputStream in = TfjsWeights.class.getResourceAsStream(path);
    if (in == null) {
      throw new IOException(
          "Resource "
              + path
              + " is not on the classpath. The weights are fetched by the models build"
              + " (./mvnw -pl models generate-resources); is the facegate-models jar complete?");
    }
    return in;
  }

  /**
   * Decodes a manifest read from a stream.
   *
   * @param manifest the manifest JSON
   * @param shards opens the shard files named in the manifest
   * @return the decoded weights
   * @throws IOException if a shard cannot be read, or the manifest is malformed or inconsistent
   *     with the shard sizes
   */
  public static TfjsWeights load(InputStream manifest, ShardOpener shards) throws IOException {
    Objects.requireNonNull(shards, "shards is required");
    JsonArray groups;
    try {
      groups =
          JsonParser.parseReader(new InputStreamReader(manifest, StandardCharsets.UTF_8))
              .getAsJsonArray();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException("Not a TF.js weights manifest (expected a JSON array of groups)", e);
    }
    Map<String, NamedArray> arrays = new LinkedHashMap<>();
    for (JsonElement g : groups) {
      JsonObject group = g.getAsJsonObject();
      ByteBuffer buf = readShards(group.getAsJsonArray("paths"), shards);
      for (JsonElement w : group.getAsJsonArray("weights")) {
        NamedArray a = decode(w.getAsJsonObject(), buf);
        if (arrays.put(a.name(), a) != null) {
          throw new IOException("Weight " + a.name() + " appears twice in the manifest");
        }
      }
      if (buf.hasRemaining()) {
        throw new IOException(
            buf.remaining() + " bytes left over in the shards of group " + group.get("paths"));
      }
    }
    return new TfjsWeights(arrays);
  }

  private static ByteBuffer readShards(JsonArray paths, ShardOpener shards) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (JsonElement p : paths) {
      try (InputStream in = shards.open(p.getAsString())) {
        in.transferTo(all);
      }
    }
    return ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static NamedArray decode(JsonObject spec, ByteBuffer buf) throws IOException {
    String name = spec.get("name").getAsString();
    JsonArray dims = spec.getAsJsonArray("shape");
    int[] shape = new int[dims.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dims.get(i).getAsInt();
    }
    long count = NamedArray.elementCount(shape);
    if (count > Integer.MAX_VALUE) {
      throw new IOException(name + " is too large: " + count + " elements");
    }
    float[] data = new float[(int) count];
    String dtype = spec.get("dtype").getAsString();
    JsonObject quant = spec.has("quantization") ? spec.getAsJsonObject("quantization") : null;
    try {
      if (quant != null) {
        readQuantised(name, dtype, quant, buf, data);
      } else {
        switch (dtype) {
          case "float32" -> buf.asFloatBuffer().get(data);
          case "float16" -> {
            for (int i = 0; i < data.length; i++) {
              data[i] = Float.float16ToFloat(buf.getShort(buf.position() + 2 * i));
            }
          }
          default -> throw new IOException(name + ": unsupported dtype " + dtype);
        }
        buf.position(buf.position() + data.length * (dtype.equals("float32") ? 4 : 2));
      }
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new IOException(name + ": the shards end before this weight's data", e);
    }
    return new NamedArray(name, shape, data);
  }

  private static void readQuantised(
      String name, String dtype, JsonObject quant, ByteBuffer buf, float[] data)
      throws IOException {
    String qtype = quant.get("dtype").getAsString();
    if (!"float32".equals(dtype)) {
      throw new IOException(name + ": quantised weights must dequantise to float32, not " + dtype);
    }
    if (qtype.equals("float16")) {
      for (int i = 0; i < data.length; i++) {
        data[i] = Float.float16ToFloat(buf.getShort());
      }
      return;
    }
    if (!quant.has("scale") || !quant.has("min")) {
      throw new IOException(name + ": " + qtype + " quantisation without scale and min");
    }
    float scale = quant.get("scale").getAsFloat();
    float min = quant.get("min").getAsFloat();
    switch (qtype) {
      case "uint8" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = Byte.toUnsignedInt(buf.get()) * scale + min;
        }
      }
      case "uint16" -> {
        for (int i = 0; i < data.length; i++) {
          data[i] = Short.toUnsignedInt(buf.getShort()) * scale + min;
        }
      }
      default -> throw new IOException(name + ": unsupported quantisation dtype " + qtype);
    }
  }

  /**
   * Returns the weight with the given name.
   *
   * @param name the manifest name, e.g. {@code onet/fc1/weights}
   * @return the weight
   * @throws NoSuchElementException if the manifest has no such weight
   */
  public NamedArray get(String name) {
    NamedArray a = arrays.get(name);
    if (a == null) {
      throw new NoSuchElementException("No weight named " + name + " in the manifest");
    }
    return a;
  }

  /** Returns the weight names in manifest order. */
  public Set<String> names() {
    return arrays.keySet();
  }

  /** Returns all weights by name, in manifest order. */
  public Map<String, NamedArray> asMap() {
    return arrays;
  }

  /** Returns the total number of float values over all weights. */
  public long parameterCount() {
    return arrays.values().stream().mapToLong(a -> a.data().length).sum();
  }

  @Override
  public String toString() {
    return "TfjsWeights[" + arrays.size() + " arrays, " + parameterCount() + " values]";
  }
}
