package dev.facegate.faces.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.enrolment.control.EnrolmentConfiguration;
import dev.facegate.faces.control.InferenceSettings;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import dev.facegate.models.TestFaces;
import dev.facegate.models.TestImages;
import dev.facegate.observability.control.WorkMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The face engine on real photos, outside the server: faces found, quality figures that separate a
 * sharp photo from a blurred copy at the gate's default, and refusal of non-images.
 */
class FaceAnalysisTest {

  private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

  private static FaceAnalysis engine;

  @BeforeAll
  static void loadModels() {
    engine = new FaceAnalysis();
    engine.engine = "MXNet";
    engine.device = "cpu";
    engine.minFaceSize = 40;
    engine.maxPixels = 40_000_000L;
    engine.cascade = "optimised";
    engine.splitDetections = true;
    engine.thumbnailWidth = 240;
    engine.pnetParameters = java.util.Optional.empty();
    engine.maxConcurrent = 0;
    engine.maxQueued = 8;
    engine.queueTimeoutMillis = 2000;
    engine.retryAfterSeconds = 1;
    engine.stalledAfterSeconds = 120;
    engine.metrics = new WorkMetrics(REGISTRY);
    engine.settings = InferenceSettings.inProcess();
    engine.load();
  }

  @Test
  void reportsTheTimeOfDetectionAndEmbeddingOutsideADoorFlow() throws IOException {
    engine.analyse(photo("azure_face_samples/Family1-Dad1.jpg"));

    for (String stage : new String[] {"detect", "embed"}) {
      assertThat(
              REGISTRY
                  .get("facegate.decision.stage")
                  .tags("stage", stage, "flow", "other")
                  .timer()
                  .count())
          .as(stage)
          .isPositive();
    }
    assertThat(REGISTRY.get("facegate.inference.running").gauge().value()).isZero();
    assertThat(
            dev.facegate.domain.health.Probes.ask(dev.facegate.domain.health.Probes.Kind.LIVENESS))
        .hasEntrySatisfying("faceEngine", probe -> assertThat(probe.up()).isTrue());
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  @Test
  void aPortraitHasOneSharpFrontalFaceWithAUnitEmbedding() throws IOException {
    PhotoAnalysis analysis = engine.analyse(photo("azure_face_samples/Family1-Dad1.jpg"));

    assertThat(analysis.faces()).hasSize(1);
    AnalysedFace face = analysis.faces().get(0);
    assertThat(face.quality().faceSizePx()).isGreaterThan(80);
    assertThat(face.quality().sharpness())
        .isGreaterThan(EnrolmentConfiguration.DEFAULT_MIN_SHARPNESS);
    assertThat(face.quality().frontalness()).isGreaterThan(0.45);
    double norm = 0;
    for (float v : face.embedding().vector()) {
      norm += v * v;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(face.chip()).as("the chip goes only to a caller that asks for it").isEmpty();
  }

  @Test
  void aBlurredCopyFallsBelowTheDefaultSharpness() throws IOException {
    byte[] sharp = photo("azure_face_samples/Family1-Dad1.jpg");

    double sharpness = engine.analyse(sharp).faces().get(0).quality().sharpness();
    double blurred = engine.analyse(blur(sharp, 3)).faces().get(0).quality().sharpness();

    assertThat(blurred)
        .isLessThan(EnrolmentConfiguration.DEFAULT_MIN_SHARPNESS)
        .isLessThan(sharpness / 10);
  }

  @Test
  void groupPhotosAreSortedLargestFaceFirst() throws IOException {
    PhotoAnalysis analysis = engine.analyse(photo("azure_face_samples/identification1.jpg"));

    assertThat(analysis.faces()).hasSizeGreaterThan(1);
    double[] areas = analysis.faces().stream().mapToDouble(f -> f.box().area()).toArray();
    double[] sorted = areas.clone();
    Arrays.sort(sorted);
    assertThat(areas[0]).isEqualTo(sorted[sorted.length - 1]);
  }

  @Test
  void aGroupPhotoIsNotEmbeddedWhenTheCallerWantsOneFace() throws IOException {
    PhotoAnalysis analysis = engine.analyse(photo("azure_face_samples/identification1.jpg"), 1);

    assertThat(analysis.faceCount()).isGreaterThan(1);
    assertThat(analysis.faces()).isEmpty();
    assertThat(analysis.singleFace()).isEmpty();
  }

  @Test
  void aPhoneRotatedPhotoIsAnalysedUprightWithAnUprightThumbnail() throws IOException {
    byte[] upright = photo("azure_face_samples/Family1-Dad1.jpg");
    // As a phone stores a portrait: pixels turned a quarter counter-clockwise, EXIF says "turn
    // 90 degrees clockwise to view" (orientation 6).
    byte[] stored = TestImages.storedRotatedWithExif(upright);

    PhotoAnalysis reference = engine.analyse(upright);
    PhotoAnalysis analysis = engine.analyseWithThumbnail(stored);

    assertThat(analysis.width()).isEqualTo(reference.width());
    assertThat(analysis.height()).isEqualTo(reference.height());
    assertThat(analysis.faces()).hasSize(1);
    assertThat(analysis.faces().get(0).box().iou(reference.faces().get(0).box()))
        .isGreaterThan(0.8);
    assertThat(analysis.faces().get(0).chip().orElseThrow())
        .as("the enrolment page's caller gets the aligned chip as PNG")
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    BufferedImage thumbnail =
        ImageIO.read(new ByteArrayInputStream(analysis.thumbnailJpeg().orElseThrow()));
    assertThat(thumbnail.getWidth()).isEqualTo(Math.min(240, reference.width()));
    assertThat(thumbnail.getHeight())
        .isCloseTo(
            (int)
                Math.round((double) reference.height() * thumbnail.getWidth() / reference.width()),
            org.assertj.core.data.Offset.offset(1));
  }

  @Test
  void nonImagesAndTruncatedImagesAreRefusedWithTheirKind() throws IOException {
    byte[] jpeg = photo("azure_face_samples/Family1-Dad1.jpg");

    assertThatThrownBy(() -> engine.analyse("not an image at all".getBytes()))
        .isInstanceOfSatisfying(
            UnreadableImageException.class,
            e -> assertThat(e.kind()).isEqualTo(UnreadableImageException.Kind.NOT_AN_IMAGE));
    assertThatThrownBy(() -> engine.analyse(Arrays.copyOf(jpeg, jpeg.length / 3)))
        .isInstanceOfSatisfying(
            UnreadableImageException.class,
            e -> assertThat(e.kind()).isEqualTo(UnreadableImageException.Kind.CORRUPT));
    assertThatThrownBy(() -> engine.analyse(gif()))
        .isInstanceOfSatisfying(
            UnreadableImageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UnreadableImageException.Kind.NOT_AN_IMAGE);
              assertThat(e.getMessage()).contains("JPEG or PNG");
            });
  }

  private static byte[] photo(String relative) {
    return TestFaces.read(relative);
  }

  /** A real image, but in a format the server does not accept. */
  private static byte[] gif() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "gif", out);
    return out.toByteArray();
  }

  /** Defocus: a Gaussian blur of the given sigma (pixels), edges clamped, saved losslessly. */
  private static byte[] blur(byte[] jpeg, int sigma) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
    int w = source.getWidth();
    int h = source.getHeight();
    int radius = 3 * sigma;
    double[] kernel = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = Math.exp(-(i * i) / (2.0 * sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= sum;
    }
    double[][] planes = new double[3][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = source.getRGB(x, y);
        planes[0][y * w + x] = (p >> 16) & 0xFF;
        planes[1][y * w + x] = (p >> 8) & 0xFF;
        planes[2][y * w + x] = p & 0xFF;
      }
    }
    BufferedImage blurred = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[][] out = new int[3][];
    for (int c = 0; c < 3; c++) {
      double[] horizontal = new double[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = 0;
          for (int k = -radius; k <= radius; k++) {
            v += kernel[k + radius] * planes[c][y * w + Math.clamp(x + k, 0, w - 1)];
          }
          horizontal[y * w + x] = v;
        }
      }
      out[c] = new int[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = 0;
          for (int k = -radius; k <= radius; k++) {
            v += kernel[k + radius] * horizontal[Math.clamp(y + k, 0, h - 1) * w + x];
          }
          out[c][y * w + x] = (int) Math.round(v);
        }
      }
    }
    for (int i = 0; i < w * h; i++) {
      blurred.setRGB(i % w, i / w, (out[0][i] << 16) | (out[1][i] << 8) | out[2][i]);
    }
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    ImageIO.write(blurred, "png", encoded);
    return encoded.toByteArray();
  }
}
