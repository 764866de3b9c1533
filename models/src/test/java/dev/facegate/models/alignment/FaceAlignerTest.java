package dev.facegate.models.alignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {

  private static final FaceTemplate TEMPLATE =
      new FaceTemplate(
          150,
          new double[][] {{44.8, 44.2}, {101.1, 42.2}, {72.8, 75.2}, {51.2, 102.9}, {99.8, 100.9}});

  @Test
  void aKnownPoseLandsTheMarkedPixelOnItsTemplatePoint() {
    // The face sits in the photo at 2x the chip scale, rotated by 30 degrees.
    SimilarityTransform chipToImage = SimilarityTransform.of(2, Math.toRadians(30), 210, 95);
    double[][] landmarks = SimilarityTransformTest.map(chipToImage, TEMPLATE.points());
    BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    double[] nose = landmarks[2];
    var g = photo.createGraphics();
    g.setColor(Color.WHITE);
    // A 5x5 bright square centred on the nose: pixel centres at integer coordinates.
    g.fillRect((int) Math.round(nose[0]) - 2, (int) Math.round(nose[1]) - 2, 5, 5);
    g.dispose();

    FaceAligner aligner = new FaceAligner(TEMPLATE);
    SimilarityTransform estimated = aligner.transform(landmarks);
    FaceChip chip = aligner.align(photo, landmarks);

    assertThat(estimated.scale()).isCloseTo(0.5, within(1e-9));
    assertThat(estimated.rotation()).isCloseTo(Math.toRadians(-30), within(1e-9));
    double[] centroid = brightCentroid(chip);
    double[] expected = estimated.apply(Math.round(nose[0]), Math.round(nose[1]));
    assertThat(centroid[0]).isCloseTo(expected[0], within(0.5));
    assertThat(centroid[1]).isCloseTo(expected[1], within(0.5));
    assertThat(expected[0]).isCloseTo(72.8, within(0.5));
    assertThat(expected[1]).isCloseTo(75.2, within(0.5));
  }

  @Test
  void grayImagesAreReadFromTheRasterNotThroughTheColourConversion() {
    BufferedImage gray = new BufferedImage(150, 150, BufferedImage.TYPE_BYTE_GRAY);
    var raster = gray.getRaster();
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 150; x++) {
        raster.setSample(x, y, 0, 100);
      }
    }
    assertThat(gray.getRGB(5, 5) & 0xff).isNotEqualTo(100); // the pitfall this guards against

    FaceChip chip = new FaceAligner(TEMPLATE).wholeImage(gray);

    for (float v : chip.rgb()) {
      assertThat(v).isEqualTo(100f);
    }
  }

  @Test
  void wholeImageOfAChipSizedImageIsTheIdentity() {
    BufferedImage image = new BufferedImage(150, 150, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 150; x++) {
        image.setRGB(x, y, (x << 16) | (y << 8) | ((x + y) & 0xff));
      }
    }
    FaceChip chip = new FaceAligner(TEMPLATE).wholeImage(image);
    int plane = 150 * 150;
    assertThat(chip.rgb()[10 * 150 + 20]).isEqualTo(20f);
    assertThat(chip.rgb()[plane + 10 * 150 + 20]).isEqualTo(10f);
    assertThat(chip.rgb()[2 * plane + 149 * 150 + 100]).isEqualTo((249) & 0xff);
  }

  @Test
  void centreCropTakesTheCentralSquare() {
    BufferedImage image = new BufferedImage(300, 150, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(75, 0, 150, 150);
    g.dispose();
    FaceChip chip = new FaceAligner(TEMPLATE).centreCrop(image);
    for (int i = 0; i < 150 * 150; i++) {
      assertThat(chip.rgb()[i]).isEqualTo(255f);
    }
  }

  private static double[] brightCentroid(FaceChip chip) {
    int size = chip.size();
    double sx = 0;
    double sy = 0;
    double sum = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v = chip.rgb()[y * size + x];
        sx += v * x;
        sy += v * y;
        sum += v;
      }
    }
    return new double[] {sx / sum, sy / sum};
  }

  @Test
  void aMirroredChipHasEachRowReversed() {
    int size = 3;
    float[] rgb = new float[3 * size * size];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = i;
    }
    FaceChip chip = new FaceChip(size, rgb);
    float[] m = chip.mirrored().rgb();
    // Row 1 of the green plane: values 12, 13, 14 become 14, 13, 12.
    assertThat(new float[] {m[12], m[13], m[14]}).containsExactly(14f, 13f, 12f);
    assertThat(chip.mirrored().mirrored().rgb()).containsExactly(rgb);
    assertThat(chip.rgb()).containsExactly(rgb.clone()); // the original is left as it was
  }
}
