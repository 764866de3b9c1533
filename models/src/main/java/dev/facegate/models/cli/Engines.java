package dev.facegate.models.cli;

import ai.djl.engine.Engine;
import ai.djl.util.Platform;
import ai.djl.util.Utils;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which DJL engines this process can run, decided before any native library loads.
 *
 * <p>An engine runs when its provider is registered (its engine jar is on the class path) and its
 * native library can be found without a download: a native jar for this platform on the class path,
 * or a library folder named by {@code <ENGINE>_LIBRARY_PATH}. A download counts only when DJL is
 * not in offline mode, and the CLI always is. Without this check a missing native library shows up
 * late, as DJL's "Offline mode is enabled" from deep inside model loading.
 */
final class Engines {

  /**
   * The engines the networks are tested on, with the prefix of their {@code
   * native/lib/<prefix>.properties} and {@code <prefix>-engine.properties} resources (both load
   * their native library by DJL's native-jar convention). Other registered engines, such as DJL's
   * RPC engine, cannot run DJL blocks.
   */
  private static final Map<String, String> NATIVE_PREFIX =
      Map.of("MXNet", "mxnet", "PyTorch", "pytorch");

  private static final String PYTORCH = "PyTorch";

  private Engines() {}

  /**
   * Returns the engine's canonical name if this process can run it.
   *
   * @param requested the name given by the user (case-insensitive)
   * @return the name as DJL spells it
   * @throws UsageException naming the engines that can run and how to add PyTorch
   */
  static String require(String requested) throws UsageException {
    Optional<String> registered =
        Engine.getAllEngines().stream()
            .filter(NATIVE_PREFIX::containsKey)
            .filter(e -> e.equalsIgnoreCase(requested))
            .findFirst();
    if (registered.isPresent() && nativeLibraryFound(registered.get())) {
      return registered.get();
    }
    String why =
        registered.isPresent()
            ? "its native library is not on the class path and DJL may not download it (offline)"
            : "not an engine of this class path that runs the networks";
    throw new UsageException(
        "engine "
            + requested
            + " cannot run here: "
            + why
            + ". Engines available: "
            + String.join(", ", runnable())
            + "."
            + (runnable().contains(PYTORCH) ? "" : " " + howToAddPytorch()));
  }

  /** Returns the engines this process can run, sorted by name. */
  static List<String> runnable() {
    return Engine.getAllEngines().stream()
        .filter(NATIVE_PREFIX::containsKey)
        .filter(Engines::nativeLibraryFound)
        .sorted()
        .toList();
  }

  private static boolean nativeLibraryFound(String engine) {
    String prefix = NATIVE_PREFIX.get(engine);
    if (!Platform.detectPlatform(prefix).isPlaceholder()) {
      return true; // a native jar for this operating system and architecture
    }
    String override = System.getenv(prefix.toUpperCase(Locale.ROOT) + "_LIBRARY_PATH");
    return (override != null && !override.isBlank()) || !Utils.isOfflineMode();
  }

  /** The recipe, with the versions this jar's PyTorch engine needs. */
  private static String howToAddPytorch() {
    if (!Engine.getAllEngines().contains(PYTORCH)) {
      return "To run PyTorch, put ai.djl.pytorch:pytorch-engine, pytorch-jni and"
          + " pytorch-native-cpu (Maven Central) on the class path.";
    }
    Platform p = Platform.fromSystem("pytorch");
    String version = p.getVersion();
    String nativeJar = "pytorch-native-cpu-" + version + "-" + p.getClassifier() + ".jar";
    return "To run PyTorch, add its native jar (ai.djl.pytorch:pytorch-native-cpu:"
        + version
        + ":"
        + p.getClassifier()
        + " from Maven Central) to the class path, which java -jar ignores:"
        + " java --enable-native-access=ALL-UNNAMED -cp face-cli.jar:"
        + nativeJar
        + " "
        + FaceCli.class.getName()
        + " COMMAND ...; or set PYTORCH_LIBRARY_PATH to a folder holding libtorch "
        + version
        + ".";
  }
}
