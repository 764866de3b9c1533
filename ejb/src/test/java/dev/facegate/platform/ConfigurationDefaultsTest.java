package dev.facegate.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.enrolment.control.EnrolmentConfiguration;
import dev.facegate.models.embedding.FaceEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every server setting has one default, in the EJB jar's {@code
 * META-INF/microprofile-config.properties} (the web module reads the same file in the EAR): a new
 * {@code @ConfigProperty} without a default there fails the build, and so does a default nobody
 * reads or one that {@code docs/operations.md} does not list with the same value. Settings injected
 * as {@code Optional} (secrets, computed defaults) may have none.
 *
 * <p>The injections are found in the sources of ejb and web (web's classes are not on this module's
 * class path); the module folder comes from surefire's {@code basedir}.
 */
class ConfigurationDefaultsTest {

  private static final String FILE = "META-INF/microprofile-config.properties";
  private static final Path MODULE =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  private static final List<Path> SOURCES =
      List.of(MODULE.resolve("src/main/java"), MODULE.resolve("../web/src/main/java"));
  private static final Path OPERATIONS = MODULE.resolve("../docs/operations.md");
  private static final Path CLI_SCRIPTS = MODULE.resolve("../docker/wildfly/cli");

  /** {@code @ConfigProperty(...)}, then any other annotations, the type and the field's name. */
  private static final Pattern INJECTION =
      Pattern.compile(
          "@ConfigProperty\\s*\\(([^)]*)\\)\\s*((?:@[\\w.]+\\s+)*)([\\w.]+(?:<[^;=()]*>)?)\\s+(\\w+)");

  private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern LOOKUP =
      Pattern.compile("get(?:Optional)?Value\\(\\s*\"(facegate\\.[^\"]+)\"");
  private static final Pattern KEY_LINE = Pattern.compile("^\\s*([^#!\\s=:][^=:\\s]*)\\s*[=:]");

  /** A table row of operations.md: | `key` | `ENV` | default | meaning |. */
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`(facegate\\.[^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|.*$");

  record Injection(String name, String type, String arguments, Path source) {

    boolean optional() {
      return type.startsWith("Optional");
    }
  }

  private static Properties defaults;
  private static List<String> keyLines;
  private static List<Injection> injections;
  private static Set<String> lookups;

  @BeforeAll
  static void read() throws IOException {
    String text = ejbPropertiesFile();
    defaults = new Properties();
    defaults.load(new StringReader(text));
    keyLines =
        text.lines().map(KEY_LINE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    injections = new ArrayList<>();
    lookups = new TreeSet<>();
    for (Path root : SOURCES) {
      assertThat(root).as("source folder").isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file, StandardCharsets.UTF_8);
          Matcher injection = INJECTION.matcher(source);
          while (injection.find()) {
            Matcher name = NAME.matcher(injection.group(1));
            assertThat(name.find()).as("@ConfigProperty with a name in %s", file).isTrue();
            injections.add(
                new Injection(name.group(1), injection.group(3), injection.group(1), file));
          }
          Matcher lookup = LOOKUP.matcher(source);
          while (lookup.find()) {
            lookups.add(lookup.group(1));
          }
        }
      }
    }
  }

  @Test
  void theScannerSeesTheKnownInjections() {
    // guards the regular expression: a scanner that finds nothing would let every check pass
    assertThat(injections)
        .extracting(Injection::name)
        .contains(
            "facegate.face.max-pixels", "facegate.upload.max-bytes", "facegate.admin.password");
    assertThat(injections)
        .filteredOn(i -> i.name().equals("facegate.admin.password"))
        .allMatch(Injection::optional);
  }

  @Test
  void everyInjectedSettingHasADefaultHereUnlessItIsOptional() {
    List<String> missing =
        injections.stream()
            .filter(i -> !i.optional() && !defaults.containsKey(i.name()))
            .map(i -> i.name() + " (" + MODULE.relativize(i.source()) + ")")
            .toList();

    assertThat(missing).as("settings without a default in " + FILE).isEmpty();
  }

  @Test
  void noConfigPropertyDeclaresItsOwnDefault() {
    assertThat(injections)
        .filteredOn(i -> i.arguments().contains("defaultValue"))
        .extracting(i -> i.name() + " (" + MODULE.relativize(i.source()) + ")")
        .as("defaults belong in " + FILE)
        .isEmpty();
  }

  @Test
  void everyDefaultHereIsRead() {
    Set<String> read =
        Stream.concat(injections.stream().map(Injection::name), lookups.stream())
            .collect(Collectors.toSet());

    assertThat(new TreeSet<>(defaults.stringPropertyNames()))
        .as("settings in " + FILE + " that no @ConfigProperty reads")
        .allMatch(read::contains, "is read by some @ConfigProperty");
  }

  @Test
  void everyDefaultIsGivenOnceAndOnlyInTheEjbJar() {
    assertThat(keyLines).hasSize(defaults.size()).doesNotHaveDuplicates();
    assertThat(MODULE.resolve("../web/src/main/resources/" + FILE))
        .as("the WAR reads the EJB jar's file; a second file would be a second source")
        .doesNotExist();
  }

  @Test
  void everyDefaultParsesAsTheTypeItIsInjectedInto() {
    List<String> wrong = new ArrayList<>();
    for (Injection injection : injections) {
      String value = defaults.getProperty(injection.name());
      try {
        if (value != null) {
          parse(injection.type(), value);
        }
      } catch (IllegalArgumentException e) {
        wrong.add(injection.name() + "=" + value + " is no " + injection.type());
      }
    }

    assertThat(wrong).isEmpty();
  }

  private static Object parse(String type, String value) {
    return switch (type) {
      case "int", "Integer" -> Integer.valueOf(value);
      case "long", "Long" -> Long.valueOf(value);
      case "double", "Double" -> Double.valueOf(value);
      case "float", "Float" -> Float.valueOf(value);
      case "boolean", "Boolean" -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException("not true or false");
        }
        yield Boolean.valueOf(value);
      }
      default -> value;
    };
  }

  @Test
  void theDefaultsAgreeWithTheCodeTheyDescribe() {
    assertThat(defaults.getProperty("facegate.index.model.id")).isEqualTo(FaceEmbedder.MODEL_ID);
    assertThat(defaults.getProperty("facegate.index.model.version"))
        .isEqualTo(FaceEmbedder.MODEL_VERSION);
    assertThat(Double.parseDouble(defaults.getProperty("facegate.enrolment.min-sharpness")))
        .isEqualTo(EnrolmentConfiguration.DEFAULT_MIN_SHARPNESS);
  }

  @Test
  void operationsMdListsEverySettingWithThisDefault() throws IOException {
    Map<String, List<String>> rows = documentedRows();

    List<String> wrong = new ArrayList<>();
    for (String key : new TreeSet<>(defaults.stringPropertyNames())) {
      List<String> row = rows.get(key);
      String expected = "`" + environmentVariable(key) + "` | `" + defaults.getProperty(key) + "`";
      String found = row == null ? "no row" : row.get(0) + " | " + row.get(1);
      if (!found.equals(expected)) {
        wrong.add(key + ": expected " + expected + ", found " + found);
      }
    }
    injections.stream()
        .map(Injection::name)
        .filter(name -> !rows.containsKey(name))
        .distinct()
        .forEach(name -> wrong.add(name + ": no row"));

    assertThat(wrong).as("the settings table of " + OPERATIONS.normalize()).isEmpty();
  }

  @Test
  void operationsMdListsNoSettingThatDoesNotExist() throws IOException {
    String scripts;
    try (Stream<Path> files = Files.list(CLI_SCRIPTS)) {
      scripts =
          files
              .filter(f -> f.toString().endsWith(".cli"))
              .map(ConfigurationDefaultsTest::readString)
              .collect(Collectors.joining("\n"));
    }
    Set<String> known = new TreeSet<>(defaults.stringPropertyNames());
    injections.forEach(i -> known.add(i.name()));

    assertThat(documentedRows().keySet())
        .as("documented settings that are neither read by the application nor by the CLI scripts")
        .allMatch(key -> known.contains(key) || scripts.contains(key), "exists");
  }

  /** The settings table's rows by key: [environment variable, default]. */
  private static Map<String, List<String>> documentedRows() throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String line : Files.readAllLines(OPERATIONS, StandardCharsets.UTF_8)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.put(row.group(1), List.of(row.group(2).trim(), row.group(3).trim()));
      }
    }
    return Collections.unmodifiableMap(rows);
  }

  /** MicroProfile Config's mapping: every non-alphanumeric character to '_', upper case. */
  private static String environmentVariable(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** The file of the EJB jar itself, not one of a dependency's. */
  private static String ejbPropertiesFile() throws IOException {
    String ejbClasses =
        EnrolmentConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toString();
    for (URL url :
        Collections.list(ConfigurationDefaultsTest.class.getClassLoader().getResources(FILE))) {
      if (url.toString().startsWith(ejbClasses)) {
        try (InputStream in = url.openStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(FILE + " is not on the class path under " + ejbClasses);
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
