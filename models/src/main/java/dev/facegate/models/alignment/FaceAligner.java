package dev.facegate.models.alignment;

import dev.facegate.models.image.RgbImage;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Cuts aligned face chips: estimates the similarity transform from the detected landmarks to a
 * {@link FaceTemplate} and samples the image through its inverse with bilinear interpolation.
 *
 * <p>{@code BufferedImage}s are converted with {@link RgbImage#of}, which reads gray images from
 * the raster: {@code BufferedImage.getRGB} treats gray as linear and brightens mid-tones, which
 * moved a dlib descriptor by L2 0.11.
 *
 * <p>Pixel centres sit at integer coordinates (the convention of OpenCV's {@code warpAffine} and of
 * the detector's landmarks). Samples outside the image are black, as in dlib's chip extraction.
 * Stateless and thread-safe.
 */
public final class FaceAligner {

  private final FaceTemplate template;

  /**
   * Creates an aligner for one template.
   *
   * @param template where the model wants the landmarks
   */
  public FaceAligner(FaceTemplate template) {
    this.template = Objects.requireNonNull(template, "template is required");
  }

  /**
   * Returns the template this aligner maps landmarks to.
   *
   * @return the template
   */
  public FaceTemplate template() {
    return template;
  }

  /**
   * Estimates the transform from image landmarks to the template.
   *
   * @param landmarks 5 points as {@code [5][2]} in image coordinates, in template order
   * @return the image-to-chip transform
   */
  public SimilarityTransform transform(double[][] landmarks) {
    Objects.requireNonNull(landmarks, "landmarks are required");
    if (landmarks.length != FaceTemplate.LANDMARKS) {
      throw new IllegalArgumentException("need 5 landmarks, got " + landmarks.length);
    }
    return SimilarityTransform.estimate(landmarks, template.points());
  }

  /**
   * Cuts the aligned chip of one face.
   *
   * @param image the whole photo
   * @param landmarks 5 points as {@code [5][2]} in image coordinates
   * @return the chip of {@code template().chipSize()} pixels
   */
  public FaceChip align(BufferedImage image, double[][] landmarks) {
    return warp(RgbImage.of(image), transform(landmarks), template.chipSize());
  }

  /**
   * Cuts the aligned chip of one face from an already wrapped image (saves re-inspecting the image
   * layout when a photo holds several faces).
   *
   * @param pixels the whole photo
   * @param landmarks 5 points as {@code [5][2]} in image coordinates
   * @return the chip of {@code template().chipSize()} pixels
   */
  public FaceChip align(RgbImage pixels, double[][] landmarks) {
    return warp(pixels, transform(landmarks), template.chipSize());
  }

  /**
   * Fallback when no face is found: the centred square of the image (side = the shorter image side)
   * resized to the chip size. Only meaningful for photos that are already face crops.
   *
   * @param image the photo
   * @return the chip
   */
  public FaceChip centreCrop(BufferedImage image) {
    return centreCrop(RgbImage.of(image));
  }

  /**
   * Fallback when no face is found; see {@link #centreCrop(BufferedImage)}.
   *
   * @param pixels the photo
   * @return the chip
   */
  public FaceChip centreCrop(RgbImage pixels) {
    int w = pixels.width();
    int h = pixels.height();
    double side = Math.min(w, h);
    return resizeRegion(pixels, (w - side) / 2.0, (h - side) / 2.0, side);
  }

  /**
   * Resizes the whole image to the chip size after padding it to a centred square with black, which
   * is how face-api.js feeds a face crop to its recognition net ({@code toBatchTensor(150, true)}).
   *
   * @param image the photo
   * @return the chip
   */
  public FaceChip wholeImage(BufferedImage image) {
    return wholeImage(RgbImage.of(image));
  }

  /**
   * The whole image padded to a centred square and resized; see {@link #wholeImage(BufferedImage)}.
   *
   * @param pixels the photo
   * @return the chip
   */
  public FaceChip wholeImage(RgbImage pixels) {
    int w = pixels.width();
    int h = pixels.height();
    double side = Math.max(w, h);
    return resizeRegion(pixels, (w - side) / 2.0, (h - side) / 2.0, side);
  }

  private FaceChip resizeRegion(RgbImage pixels, double left, double top, double side) {
    int size = template.chipSize();
    double s = size / side;
    // Maps pixel centres: image (left - 0.5 + side * (u + 0.5) / size) <-> chip u.
    SimilarityTransform t =
        new SimilarityTransform(s, 0, -s * (left - 0.5) - 0.5, -s * (top - 0.5) - 0.5);
    return warp(pixels, t, size);
  }

  /**
   * Samples {@code pixels} through the inverse of {@code imageToChip}.
   *
   * @param pixels the source image
   * @param imageToChip maps image coordinates to chip coordinates
   * @param size the chip side
   * @return the chip
   */
  public static FaceChip warp(RgbImage pixels, SimilarityTransform imageToChip, int size) {
    SimilarityTransform inv = imageToChip.inverse();
    double[] origin = inv.apply(0, 0);
    double[] ux = inv.apply(1, 0);
    double[] uy = inv.apply(0, 1);
    double dxx = ux[0] - origin[0];
    double dxy = ux[1] - origin[1];
    double dyx = uy[0] - origin[0];
    double dyy = uy[1] - origin[1];
    int w = pixels.width();
    int h = pixels.height();
    int plane = size * size;
    float[] out = new float[3 * plane];
    for (int v = 0; v < size; v++) {
      double rowX = origin[0] + v * dyx;
      double rowY = origin[1] + v * dyy;
      for (int u = 0; u < size; u++) {
        double sx = rowX + u * dxx;
        double sy = rowY + u * dxy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double r = 0;
        double g = 0;
        double b = 0;
        // Four neighbours; those outside the image contribute black.
        for (int k = 0; k < 4; k++) {
          int px = x0 + (k & 1);
          int py = y0 + (k >> 1);
          if (px < 0 || py < 0 || px >= w || py >= h) {
            continue;
          }
          double wgt = ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy);
          if (wgt == 0) {
            continue;
          }
          int rgb = pixels.rgb(px, py);
          r += wgt * ((rgb >> 16) & 0xff);
          g += wgt * ((rgb >> 8) & 0xff);
          b += wgt * (rgb & 0xff);
        }
        int i = v * size + u;
        out[i] = (float) r;
        out[plane + i] = (float) g;
        out[2 * plane + i] = (float) b;
      }
    }
    return new FaceChip(size, out);
  }
}
