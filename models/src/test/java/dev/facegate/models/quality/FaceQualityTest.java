package dev.facegate.models.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceQualityTest {

  @Test
  void aFlatChipHasNoSharpnessAndNoiseHasMuch() {
    assertThat(FaceQuality.sharpness(new FaceChip(20, new float[3 * 400]))).isZero();

    float[] noise = new float[3 * 400];
    Random random = new Random(1);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextFloat() * 255;
    }
    assertThat(FaceQuality.sharpness(new FaceChip(20, noise))).isGreaterThan(1000);
  }

  @Test
  void blurringLowersSharpness() {
    int n = 32;
    float[] stripes = new float[3 * n * n];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          stripes[c * n * n + y * n + x] = (x / 2) % 2 == 0 ? 255 : 0;
        }
      }
    }
    float[] blurred = new float[stripes.length];
    for (int i = 0; i < stripes.length; i++) {
      int x = i % n;
      blurred[i] =
          x == 0 || x == n - 1 ? stripes[i] : (stripes[i - 1] + stripes[i] + stripes[i + 1]) / 3f;
    }

    assertThat(FaceQuality.sharpness(new FaceChip(n, blurred)))
        .isLessThan(FaceQuality.sharpness(new FaceChip(n, stripes)));
  }

  @Test
  void noseMidwayBetweenTheEyesIsFrontalAndOverAnEyeIsProfile() {
    assertThat(FaceQuality.frontalness(face(new Point(50, 60)))).isCloseTo(1.0, within(1e-9));
    assertThat(FaceQuality.frontalness(face(new Point(40, 60)))).isCloseTo(0.5, within(1e-9));
    assertThat(FaceQuality.frontalness(face(new Point(30, 60)))).isCloseTo(0.0, within(1e-9));
    assertThat(FaceQuality.frontalness(face(new Point(10, 60)))).isZero();
  }

  @Test
  void faceSizeIsTheSmallerSideOfTheBox() {
    FaceQuality quality = FaceQuality.of(face(new Point(50, 60)), new FaceChip(4, new float[48]));

    assertThat(quality.faceSizePx()).isEqualTo(90);
  }

  private static FaceDetection face(Point nose) {
    // Eyes at x = 30 and x = 70 on one line; box 100 wide, 90 high.
    return new FaceDetection(
        new Box(0, 0, 100, 90),
        0.99f,
        List.of(new Point(30, 40), new Point(70, 40), nose, new Point(35, 80), new Point(65, 80)));
  }
}
