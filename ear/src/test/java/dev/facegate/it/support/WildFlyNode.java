package dev.facegate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One more WildFly server for a system test that needs several (a portal and an inference node, two
 * portal nodes of a cluster), next to the Arquillian test server.
 *
 * <p>Every node shares the test WildFly installation ({@code it.wildfly.home}: modules, the
 * PostgreSQL driver) but has a base directory of its own under {@code ear/target/it/nodes/NAME}
 * (configuration, deployments, data, log), configured by the repository's CLI scripts exactly as a
 * production node is: {@code configure-server.cli} and {@code datasource-postgresql.cli}, plus
 * {@code configure-cluster.cli} on {@code standalone-ha.xml} for a clustered node, plus any script
 * the test adds. The base directory is recreated by {@link Builder#build()}, so a node starts from
 * a fresh configuration in every run. The EAR under test ({@code it.ear}) is deployed through the
 * deployment scanner, and {@link #start()} returns once the scanner reports it deployed.
 *
 * <p>Ports: every socket binding is offset by the node's port offset (HTTP 8080 + offset,
 * management 9990 + offset, JGroups TCP 7600 + offset). Choose offsets that collide neither with
 * the Arquillian server ({@code it.port.offset}) nor with another node.
 *
 * <pre>{@code
 * WildFlyNode portal = WildFlyNode.builder("portal-a").setPortOffset(310).optClustered(members)
 *     .optProperty("facegate.db.url", url).build();
 * portal.start();
 * ... portal.httpUri("/api/v1/health") ... portal.management().scrape() ...
 * portal.kill();   // the JVM dies at once, as in a crash
 * portal.start();  // and comes back with the same configuration
 * }</pre>
 */
public final class WildFlyNode implements AutoCloseable {

  private static final int START_TIMEOUT_MINUTES = 5;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(START_TIMEOUT_MINUTES);
  private static final String EAR_NAME = "facegate.ear";

  private final String name;
  private final int portOffset;
  private final String serverConfig;
  private final Path home;
  private final Path baseDir;
  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final String heap;
  private final boolean deployEar;
  private Process process;

  private WildFlyNode(Builder builder, Path baseDir) {
    this.name = builder.name;
    this.portOffset = builder.portOffset;
    this.serverConfig = builder.serverConfig;
    this.home = builder.home;
    this.baseDir = baseDir;
    this.properties = Map.copyOf(builder.properties);
    this.environment = Map.copyOf(builder.environment);
    this.heap = builder.heap;
    this.deployEar = builder.deployEar;
  }

  /** A node called {@code name} (also its {@code jboss.node.name} and its directory's name). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Starts the server and waits until the EAR is deployed (or, without the EAR, until the server
   * reports it has started). Fails with the end of the server log when the deployment fails, the
   * JVM exits or {@value #START_TIMEOUT_MINUTES} minutes pass.
   */
  public synchronized void start() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      clearDeploymentMarkers();
      Files.deleteIfExists(consoleLog());
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/standalone.sh").toString());
      command.add("-c");
      command.add(serverConfig);
      command.add("-Djboss.server.base.dir=" + baseDir);
      command.add("-Djboss.node.name=" + name);
      command.add("-Djboss.socket.binding.port-offset=" + portOffset);
      command.add("-Dai.djl.offline=true");
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(consoleLog().toFile());
      // standalone.conf keeps its defaults only when JAVA_OPTS is unset; these are the same plus
      // the heap, so a node looks like the Arquillian server.
      builder
          .environment()
          .put(
              "JAVA_OPTS",
              "-Xms256m -Xmx"
                  + heap
                  + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
                  + " -Djboss.modules.system.pkgs=org.jboss.byteman");
      builder.environment().putAll(environment);
      process = builder.start();
      awaitStarted();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start WildFly node " + name, e);
    }
  }

  /** Kills the server's JVM at once (SIGKILL), as a crash or a pulled cable would. */
  public synchronized void kill() {
    terminate(true);
  }

  /** Stops the server gracefully (SIGTERM) and waits for it to exit. */
  public synchronized void stop() {
    terminate(false);
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  public String name() {
    return name;
  }

  public int httpPort() {
    return 8080 + portOffset;
  }

  public int managementPort() {
    return 9990 + portOffset;
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public URI httpUri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort() + path);
  }

  /** The address of this node's JGroups TCP transport, in TCPPING's {@code host[port]} form. */
  public String jgroupsAddress() {
    return jgroupsAddressAt(portOffset);
  }

  /**
   * The JGroups TCP address a node started with {@code portOffset} will have (for the member list
   * that {@link Builder#optClustered} needs before any node exists).
   */
  public static String jgroupsAddressAt(int portOffset) {
    return "127.0.0.1[" + (7600 + portOffset) + "]";
  }

  /** Prometheus metrics and health of this node's management interface. */
  public Management management() {
    return Management.at(URI.create("http://127.0.0.1:" + managementPort() + "/"));
  }

  /** {@code server.log} of this node. */
  public Path serverLog() {
    return baseDir.resolve("log/server.log");
  }

  /** The last {@code lines} lines of the server log (for failure messages). */
  public String logTail(int lines) {
    Path log = Files.isRegularFile(serverLog()) ? serverLog() : consoleLog();
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitStarted() {
    Path deployments = baseDir.resolve("deployments");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ":\n" + logTail(60));
      }
      if (deployEar) {
        if (Files.exists(deployments.resolve(EAR_NAME + ".failed"))) {
          throw new IllegalStateException(name + " could not deploy the EAR:\n" + logTail(80));
        }
        if (Files.exists(deployments.resolve(EAR_NAME + ".deployed")) && serverStarted()) {
          return;
        }
      } else if (serverStarted()) {
        return;
      }
      sleep(Duration.ofMillis(500));
    }
    terminate(true);
    throw new IllegalStateException(
        name + " did not start within " + START_TIMEOUT + ":\n" + logTail(60));
  }

  /** WFLYSRV0025 (started) or WFLYSRV0026 (started with errors, which the deployment reports). */
  private boolean serverStarted() {
    try {
      return Files.isRegularFile(serverLog())
          && Files.readString(serverLog()).matches("(?s).*WFLYSRV002[56].*");
    } catch (IOException e) {
      return false;
    }
  }

  private void terminate(boolean forcibly) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    for (ProcessHandle handle : tree) {
      if (forcibly) {
        handle.destroyForcibly();
      } else {
        handle.destroy();
      }
    }
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(forcibly ? 10 : 60, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        handle.destroyForcibly();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Waiting for " + name + " to exit failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while stopping " + name, e);
      }
    }
    process = null;
  }

  /**
   * A restarted node must deploy again and say so: the scanner's markers of the previous run would
   * otherwise report "deployed" before the new deployment has happened.
   */
  private void clearDeploymentMarkers() throws IOException {
    try (Stream<Path> files = Files.list(baseDir.resolve("deployments"))) {
      for (Path file : files.toList()) {
        String fileName = file.getFileName().toString();
        if (fileName.startsWith(EAR_NAME + ".")) {
          Files.delete(file);
        }
      }
    }
  }

  private Path consoleLog() {
    return baseDir.resolve("console.log");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a WildFly node", e);
    }
  }

  /** Configuration of a node; {@link #build()} prepares its directory and runs the CLI scripts. */
  public static final class Builder {

    private final String name;
    private final Path home;
    private final Path cliDir;
    private int portOffset = -1;
    private String serverConfig = "standalone.xml";
    private boolean clustered;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<Path> extraScripts = new ArrayList<>();
    private String heap = "1g";
    private boolean deployEar = true;

    private Builder(String name) {
      if (!name.matches("[a-z0-9-]+")) {
        throw new IllegalArgumentException("A node name is lower-case letters, digits and '-'");
      }
      this.name = name;
      this.home = Path.of(required("it.wildfly.home"));
      this.cliDir = Path.of(required("it.cli.dir"));
    }

    /** Offset of every port of the node; required. */
    public Builder setPortOffset(int portOffset) {
      this.portOffset = portOffset;
      return this;
    }

    /**
     * A member of a JGroups cluster: {@code standalone-ha.xml} configured with {@code
     * configure-cluster.cli}, discovering exactly {@code members} (their {@link #jgroupsAddress()}
     * values, this node's included).
     */
    public Builder optClustered(List<String> members) {
      this.clustered = true;
      this.serverConfig = "standalone-ha.xml";
      properties.put("facegate.cluster.members", String.join(",", members));
      return this;
    }

    /** A system property for the server (the {@code facegate.*} settings, credentials). */
    public Builder optProperty(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /**
     * A portal node on the database at {@code databaseUrl} (the embedded PostgreSQL's user, see
     * {@link PostgresDatabases}), with the test administrator's credentials.
     */
    public Builder optPortalDatabase(String databaseUrl) {
      properties.put("facegate.db.url", databaseUrl);
      properties.put("facegate.db.user", System.getProperty("it.db.user"));
      properties.put("facegate.db.password", System.getProperty("it.db.password"));
      properties.put("facegate.admin.username", TestCredentials.ADMIN_USERNAME);
      properties.put("facegate.admin.password", TestCredentials.adminPassword());
      return this;
    }

    /**
     * The build's Elasticsearch node as the face index, under {@code alias} (a test's nodes keep
     * their gallery apart from the Arquillian server's), without replicas (one data node).
     */
    public Builder optElasticsearchAlias(String alias) {
      properties.put("facegate.index.elasticsearch.url", required("it.es.url"));
      properties.put("facegate.index.elasticsearch.alias", alias);
      properties.put("facegate.index.elasticsearch.replicas", "0");
      return this;
    }

    /** An environment variable for the server (the {@code FACEGATE_*} form of a setting). */
    public Builder optEnvironment(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /**
     * A CLI script run (offline, after the standard ones) against the node's configuration, e.g.
     * one of {@code docker/wildfly/cli}; it must start with {@code embed-server
     * --server-config=${facegate.server.config:...}}.
     */
    public Builder optCliScript(Path script) {
      extraScripts.add(script);
      return this;
    }

    /** Maximum heap, {@code -Xmx} form (default 1g). */
    public Builder optHeap(String heap) {
      this.heap = heap;
      return this;
    }

    /** Start without the EAR (default: the EAR under test is deployed). */
    public Builder optWithoutEar() {
      this.deployEar = false;
      return this;
    }

    /** Recreates the node's base directory, configures it by CLI and copies the EAR in. */
    public WildFlyNode build() {
      if (portOffset < 0) {
        throw new IllegalStateException("setPortOffset is required");
      }
      Path baseDir = home.getParent().resolve("nodes").resolve(name);
      try {
        deleteRecursively(baseDir);
        Files.createDirectories(baseDir.resolve("deployments"));
        copyDirectory(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        deleteRecursively(baseDir.resolve("configuration/standalone_xml_history"));
        forgetDeployments(baseDir.resolve("configuration").resolve(serverConfig));
        List<Path> scripts = new ArrayList<>();
        scripts.add(cliDir.resolve("configure-server.cli"));
        scripts.add(cliDir.resolve("datasource-postgresql.cli"));
        if (clustered) {
          scripts.add(cliDir.resolve("configure-cluster.cli"));
        }
        scripts.addAll(extraScripts);
        for (Path script : scripts) {
          runCli(baseDir, script);
        }
        if (deployEar) {
          Files.copy(
              Path.of(required("it.ear")),
              baseDir.resolve("deployments").resolve(EAR_NAME),
              StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not prepare WildFly node " + name, e);
      }
      return new WildFlyNode(this, baseDir);
    }

    private void runCli(Path baseDir, Path script) throws IOException {
      Path log = baseDir.resolve("cli.log");
      ProcessBuilder cli =
          new ProcessBuilder(
                  home.resolve("bin/jboss-cli.sh").toString(),
                  "--file=" + script,
                  "-Dfacegate.server.config=" + serverConfig,
                  "-Djboss.server.base.dir=" + baseDir)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      // Scripts read the node's environment too (configure-inference.cli: its user and password).
      cli.environment().putAll(environment);
      try {
        Process process = cli.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new IllegalStateException(script + " did not finish within 3 minutes");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              script + " failed for node " + name + ":\n" + Files.readString(log));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while configuring " + name, e);
      }
    }

    /**
     * The copied configuration may list what the running Arquillian server has deployed through its
     * management interface (the EAR itself, whose content the node does not have): the node deploys
     * only through its scanner.
     */
    private static void forgetDeployments(Path configuration) throws IOException {
      if (Files.isRegularFile(configuration)) {
        String xml = Files.readString(configuration);
        Files.writeString(
            configuration, xml.replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
      }
    }

    private static void copyDirectory(Path source, Path target) throws IOException {
      try (Stream<Path> paths = Files.walk(source)) {
        for (Path path : paths.toList()) {
          Path copy = target.resolve(source.relativize(path).toString());
          if (Files.isDirectory(path)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }

    private static void deleteRecursively(Path directory) throws IOException {
      if (!Files.exists(directory)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }

    private static String required(String property) {
      String value = System.getProperty(property);
      if (value == null) {
        throw new IllegalStateException(property + " is set by the ear build (failsafe)");
      }
      return value;
    }
  }
}
