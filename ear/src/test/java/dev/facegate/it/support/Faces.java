package dev.facegate.it.support;

import dev.facegate.models.TestFaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Real photos from ../shared/data/faces (never copied into the repository). */
public final class Faces {

  private Faces() {}

  /** The shared photo folder (the models' {@link TestFaces}, one loader for every module). */
  public static Path dir() {
    return TestFaces.dir();
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
    return TestFaces.read(relativePath);
  }
}
