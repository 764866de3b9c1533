package dev.facegate.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one loader of shared test photos for every module (published in the models test-jar, used by
 * the ejb and ear tests too). Locates the shared face photos the tests read ({@code
 * ../shared/data/faces}, passed by the build as the system property {@code faces.dir}). Missing
 * photos fail the test rather than skip it.
 */
public final class TestFaces {

  private TestFaces() {}

  /** Returns the photo folder. */
  public static Path dir() {
    String dir = System.getProperty("faces.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "System property faces.dir is not set; run the tests through Maven (the parent pom sets"
              + " it to ../shared/data/faces)");
    }
    Path p = Path.of(dir).normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "The shared face photos are missing: " + p + " does not exist (see its README)");
    }
    return p;
  }

  /** Reads a photo under the photo folder, failing clearly if it is missing. */
  public static byte[] read(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns a file under the photo folder, failing clearly if it is missing. */
  public static Path file(String relative) {
    Path f = dir().resolve(relative);
    if (!Files.isRegularFile(f)) {
      throw new IllegalStateException("Missing test photo " + f);
    }
    return f;
  }
}
