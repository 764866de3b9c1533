package dev.facegate.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.facegate.models.TestFaces;
import dev.facegate.models.alignment.FaceAligner;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.comparison.Similarity;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The same weights give the same descriptors on DJL's MXNet and PyTorch engines, and with the
 * affine layers folded or run one by one.
 *
 * <p>The network is a continuous function without thresholds, so the only difference is float32
 * rounding in differently ordered sums (engine kernels, AVX2 or AVX-512). Descriptors are compared
 * by L2 distance within {@link #TOLERANCE}.
 */
class EmbedderEngineParityTest {

  /**
   * Largest L2 distance between two computations of one raw descriptor (norm about 1.4). Measured
   * here: about 1e-6 for both comparisons. The decision threshold is an L2 distance of 0.361
   * between normalised embeddings and face-api.js accepts 0.1 against its reference: 1e-3 is far
   * below anything that could change a decision, and far above rounding, while a wrong layer or
   * layout moves descriptors by 0.1 or more.
   */
  private static final double TOLERANCE = 1e-3;

  @Test
  void mxnetAndPytorchAgree() throws Exception {
    try (FaceEmbedder mxnet = FaceEmbedder.builder().build();
        FaceEmbedder pytorch =
            FaceEmbedder.builder().optEngine("PyTorch").optDevice(Device.cpu()).build()) {
      assertThat(mxnet.engineName()).isEqualTo("MXNet");
      assertThat(pytorch.engineName()).isEqualTo("PyTorch");
      for (FaceChip chip : chips()) {
        assertThat(l2(mxnet.descriptor(chip), pytorch.descriptor(chip))).isLessThan(TOLERANCE);
        assertThat(Similarity.cosine(mxnet.embed(chip), pytorch.embed(chip)))
            .isCloseTo(1, within(1e-6));
      }
    }
  }

  @Test
  void foldingTheAffineLayersIntoTheConvolutionsKeepsTheDescriptor() throws Exception {
    try (FaceEmbedder folded = FaceEmbedder.builder().build();
        FaceEmbedder layered = FaceEmbedder.builder().optAffineFolded(false).build()) {
      for (FaceChip chip : chips()) {
        assertThat(l2(folded.descriptor(chip), layered.descriptor(chip))).isLessThan(TOLERANCE);
      }
    }
  }

  /** Two real face crops and a seeded random chip of 8-bit values. */
  private static List<FaceChip> chips() throws IOException {
    FaceAligner aligner = new FaceAligner(FaceEmbedder.TEMPLATE);
    int side = FaceEmbedder.TEMPLATE.chipSize();
    float[] noise = new float[3 * side * side];
    Random random = new Random(20240611L);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextInt(256);
    }
    return List.of(
        aligner.wholeImage(
            ImageIO.read(TestFaces.file("faceapijs/test_images/face1.png").toFile())),
        aligner.wholeImage(
            ImageIO.read(TestFaces.file("faceapijs/test_images/face2.png").toFile())),
        new FaceChip(side, noise));
  }

  private static double l2(float[] a, float[] b) {
    assertThat(b).hasSameSizeAs(a);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }
}
