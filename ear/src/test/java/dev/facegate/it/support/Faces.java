package dev.facegate.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real photos from ../shared/data/faces (never copied into the repository). */
public final class Faces {

  private Faces() {}

  public static Path dir() {
    Path dir = Path.of(System.getProperty("faces.dir", "../../shared/data/faces"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "The shared face photos are missing at " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** Where {@link Deployments} packs photos for in-container tests. */
  static final String RESOURCE_FOLDER = "faces/";

  /** A photo packed into the in-container test module by {@link Deployments}. */
  public static byte[] resource(String relativePath) {
    try (InputStream in =
        Faces.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + relativePath)) {
      if (in == null) {
        throw new IllegalStateException(relativePath + " was not packed into the test module");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(String relativePath) {
    try {
      return Files.readAllBytes(dir().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
