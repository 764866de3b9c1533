package dev.facegate.models.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The shared face photos, read from {@code faces.dir}; tests fail (never skip) without them. */
public final class Faces {

  private Faces() {}

  /**
   * Returns the root of the shared photos.
   *
   * @return the directory named by the {@code faces.dir} system property
   */
  public static Path dir() {
    Path dir = Path.of(System.getProperty("faces.dir", "../shared/data/faces"));
    assertThat(dir.resolve("README.md"))
        .as("shared face photos under %s (system property faces.dir)", dir.toAbsolutePath())
        .exists();
    return dir;
  }

  /**
   * Resolves a file under the shared photos and checks that it exists.
   *
   * @param relative path below {@code faces.dir}
   * @return the path
   */
  public static Path file(String relative) {
    Path p = dir().resolve(relative);
    assertThat(p).as("shared face data file").exists();
    return p;
  }

  /**
   * Decodes a photo.
   *
   * @param relative path below {@code faces.dir}
   * @return the image
   * @throws IOException if it cannot be read
   */
  public static BufferedImage image(String relative) throws IOException {
    BufferedImage image = ImageIO.read(file(relative).toFile());
    assertThat(image).as("decodable image %s", relative).isNotNull();
    return image;
  }
}
