package org.elasticsearch.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A real single Elasticsearch node built from the Maven Central jars, for the index integration
 * tests. The build starts it in its own JVM before the integration tests and stops it afterwards.
 *
 * <p>It lives in {@code org.elasticsearch.node} because the constructor path through {@code
 * NodeConstruction.prepareConstruction} and {@code NodeServiceProvider} is package-private; the
 * service provider is overridden to load plugins (Netty4 for HTTP) from the class path.
 *
 * <p>Usage: {@code FaceGateTestNode <home> <http port> <transport port> [max lifetime minutes]}.
 * The node exits by itself when the JVM that launched it (Maven) is gone or the lifetime is over,
 * so a crashed build never leaves it running.
 */
public final class FaceGateTestNode extends Node {

  private FaceGateTestNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
    super(
        NodeConstruction.prepareConstruction(
            environment,
            PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false),
            new ClasspathServiceProvider(plugins),
            true));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: FaceGateTestNode <home> <http port> <transport port> [max lifetime minutes]");
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Duration lifetime = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 20);
    Path stopFile = home.resolve("stop");
    Files.deleteIfExists(stopFile);
    deleteRecursively(home.resolve("data"));
    Files.createDirectories(home.resolve("config"));
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve("logs"));

    LogConfigurator.configureESLogging();
    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "facegate-test")
            .put("node.name", "facegate-test-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", args[2])
            // a nearly full build disk must not turn the test indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    LogConfigurator.configureWithoutConfig(settings);
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "facegate-test-node");

    Node node = new FaceGateTestNode(environment, List.of(Netty4Plugin.class));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                    node.awaitClose(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                    try {
                      // tells the build the node is down
                      Files.deleteIfExists(stopFile);
                    } catch (java.io.IOException e) {
                      e.printStackTrace();
                    }
                  }
                },
                "facegate-test-node-shutdown"));
    node.start();
    System.out.println("FaceGateTestNode started: http://127.0.0.1:" + args[1]);

    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    long deadline = System.nanoTime() + lifetime.toNanos();
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      if (Files.exists(stopFile)) {
        System.out.println("FaceGateTestNode: stop file found, stopping");
        System.exit(0);
      }
      if (parent != null && !parent.isAlive()) {
        System.out.println("FaceGateTestNode: launcher is gone, stopping");
        System.exit(0);
      }
      if (System.nanoTime() > deadline) {
        System.out.println("FaceGateTestNode: lifetime " + lifetime + " is over, stopping");
        System.exit(0);
      }
    }
  }

  private static void deleteRecursively(Path folder) throws java.io.IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Loads the given plugin classes from the class path instead of a plugins folder. */
  private static final class ClasspathServiceProvider extends NodeServiceProvider {
    private final Collection<Class<? extends Plugin>> plugins;

    ClasspathServiceProvider(Collection<Class<? extends Plugin>> plugins) {
      this.plugins = plugins;
    }

    @Override
    PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
      return new ClasspathPluginsService(environment.settings(), environment, plugins);
    }
  }
}
