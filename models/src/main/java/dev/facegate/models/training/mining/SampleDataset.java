package dev.facegate.models.training.mining;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.image.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * An image-folder dataset of mined samples: {@code <dir>/<kind>/<n>.png} crops resized to the
 * network's input side, an {@code index.tsv} ({@code file kind iou dx1 dy1 dx2 dy2 [10 landmark
 * values]}) and {@code counts.tsv} (samples per class).
 */
public final class SampleDataset {

  /** Name of the index file. */
  public static final String INDEX = "index.tsv";

  private SampleDataset() {}

  /**
   * One sample read back from a dataset.
   *
   * @param file the crop, already at the network's input side
   * @param kind the class
   * @param boxTarget the four box targets
   * @param landmarkTarget ten landmark targets, or empty
   */
  public record Entry(Path file, SampleKind kind, float[] boxTarget, float[] landmarkTarget) {}

  /**
   * Writes the crops, the index and the counts.
   *
   * @param dir the output folder (created)
   * @param side the crop side: 12, 24 or 48
   * @param samples the samples to write
   * @return the count per class
   * @throws IOException if a photo cannot be read or a file written
   */
  public static Map<SampleKind, Integer> write(Path dir, int side, List<MinedSample> samples)
      throws IOException {
    Map<SampleKind, Integer> counts = new EnumMap<>(SampleKind.class);
    for (SampleKind k : SampleKind.values()) {
      Files.createDirectories(dir.resolve(k.name().toLowerCase(Locale.ROOT)));
      counts.put(k, 0);
    }
    Map<Path, BufferedImage> photos = new HashMap<>();
    List<String> index = new ArrayList<>();
    index.add("# file\tkind\tiou\tdx1\tdy1\tdx2\tdy2\t[landmark x1..x5 y1..y5]   side " + side);
    for (MinedSample s : samples) {
      BufferedImage photo =
          photos.computeIfAbsent(
              s.image(),
              p -> {
                try {
                  return readRgb(p).toBufferedImage();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      int n = counts.merge(s.kind(), 1, Integer::sum);
      String file = s.kind().name().toLowerCase(Locale.ROOT) + "/" + n + ".png";
      ImageIO.write(crop(photo, s.crop(), side), "png", dir.resolve(file).toFile());
      StringBuilder line = new StringBuilder(file).append('\t').append(s.kind());
      line.append('\t').append(String.format(Locale.ROOT, "%.4f", s.iou()));
      for (float v : s.boxTarget()) {
        line.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
      }
      for (float v : s.landmarkTarget()) {
        line.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
      }
      index.add(line.toString());
    }
    Files.write(dir.resolve(INDEX), index, StandardCharsets.UTF_8);
    List<String> countLines = new ArrayList<>();
    counts.forEach((k, v) -> countLines.add(k.name().toLowerCase(Locale.ROOT) + "\t" + v));
    Files.write(dir.resolve("counts.tsv"), countLines, StandardCharsets.UTF_8);
    return counts;
  }

  /**
   * Reads a dataset's index.
   *
   * @param dir the folder {@link #write} wrote
   * @return the entries in index order
   * @throws IOException if the index cannot be read or is malformed
   */
  public static List<Entry> read(Path dir) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(INDEX), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 7 && f.length != 17) {
        throw new IOException(dir.resolve(INDEX) + ": malformed line: " + line);
      }
      float[] box = new float[4];
      for (int i = 0; i < 4; i++) {
        box[i] = Float.parseFloat(f[3 + i]);
      }
      float[] lm = new float[f.length - 7];
      for (int i = 0; i < lm.length; i++) {
        lm[i] = Float.parseFloat(f[7 + i]);
      }
      out.add(new Entry(dir.resolve(f[0]), SampleKind.valueOf(f[1]), box, lm));
    }
    return out;
  }

  /**
   * Reads a photo as the detector sees it: through {@link RgbImage#of}, which takes gray images
   * from the raster ({@code getRGB} would shift their brightness).
   *
   * @param file the photo
   * @return its pixels
   * @throws IOException if it cannot be read or decoded
   */
  public static RgbImage readRgb(Path file) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) {
      throw new IOException("not a readable image: " + file);
    }
    return RgbImage.of(img);
  }

  /** Cuts the crop (inside the photo) and resizes it with bilinear filtering, as RGB. */
  static BufferedImage crop(BufferedImage photo, Box crop, int side) {
    BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int x1 = (int) crop.x1();
      int y1 = (int) crop.y1();
      g.drawImage(
          photo, 0, 0, side, side, x1, y1, x1 + (int) crop.width(), y1 + (int) crop.height(), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
