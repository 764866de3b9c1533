package dev.facegate.it.support;

import java.io.IOException;
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

  public static byte[] read(String relativePath) {
    try {
      return Files.readAllBytes(dir().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
