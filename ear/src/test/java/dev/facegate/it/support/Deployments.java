package dev.facegate.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployments of the system tests. Always the EAR exactly as the build packaged it;
 * in-container tests add one extra web module that carries the test classes.
 */
public final class Deployments {

  private static final String TEST_MODULE = "facegate-it.war";

  private Deployments() {}

  /** The application as it ships, for tests that act as a client (HTTP, browser). */
  public static EnterpriseArchive application() {
    String path = System.getProperty("it.ear");
    if (path == null || !new File(path).isFile()) {
      throw new IllegalStateException("The packaged EAR is missing (it.ear=" + path + ")");
    }
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
  }

  /**
   * The application plus a web module holding the given test classes and AssertJ, for tests that
   * run inside the server and call boundaries directly.
   */
  public static EnterpriseArchive applicationWithTests(Class<?>... testClasses) {
    return applicationWithTests(List.of(), testClasses);
  }

  /**
   * Like {@link #applicationWithTests(Class[])}, with shared photos packed into the test module
   * (read there with {@link Faces#resource}): the server's JVM does not know the photos' folder.
   * The test module also sees Hibernate's API, for tests that read its statistics.
   */
  public static EnterpriseArchive applicationWithTests(
      List<String> photos, Class<?>... testClasses) {
    EnterpriseArchive ear = application();
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, TEST_MODULE)
            .addClasses(testClasses)
            .addClasses(
                TestCredentials.class,
                InContainerAuthentication.class,
                AsAdmin.class,
                AsHr.class,
                Faces.class,
                dev.facegate.models.TestFaces.class)
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.hibernate\n"))
            .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
    for (String photo : photos) {
      tests.addAsResource(Faces.dir().resolve(photo).toFile(), Faces.RESOURCE_FOLDER + photo);
    }
    ear.addAsModule(Testable.archiveToTest(tests));
    // A packaged application.xml lists its modules; the test module has to be listed as well.
    String applicationXml;
    try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
      applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ear.setApplicationXML(
        new StringAsset(
            applicationXml.replace(
                "</application>",
                "<module><web><web-uri>"
                    + TEST_MODULE
                    + "</web-uri><context-root>/facegate-it</context-root></web></module>"
                    + "</application>")));
    return ear;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the jar of " + type, e);
    }
  }
}
