package dev.facegate.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.facegate.models.TestFaces;
import dev.facegate.models.alignment.FaceAligner;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.comparison.Similarity;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The same weights give the same embeddings on DJL's MXNet and PyTorch engines, and with the affine
 * layers folded or run one by one.
 */
class EmbedderEngineParityTest {

  @Test
  void mxnetAndPytorchAgree() throws Exception {
    FaceChip chip =
        new FaceAligner(FaceEmbedder.TEMPLATE)
            .wholeImage(ImageIO.read(TestFaces.file("faceapijs/test_images/face2.png").toFile()));
    try (FaceEmbedder mxnet = FaceEmbedder.builder().build();
        FaceEmbedder pytorch =
            FaceEmbedder.builder().optEngine("PyTorch").optDevice(Device.cpu()).build()) {
      assertThat(mxnet.engineName()).isEqualTo("MXNet");
      assertThat(pytorch.engineName()).isEqualTo("PyTorch");
      float[] a = mxnet.descriptor(chip);
      float[] b = pytorch.descriptor(chip);
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i]).isCloseTo(a[i], within(1e-4f));
      }
      assertThat(Similarity.cosine(mxnet.embed(chip), pytorch.embed(chip)))
          .isCloseTo(1, within(1e-6));
    }
  }

  @Test
  void foldingTheAffineLayersIntoTheConvolutionsKeepsTheDescriptor() throws Exception {
    FaceChip chip =
        new FaceAligner(FaceEmbedder.TEMPLATE)
            .wholeImage(ImageIO.read(TestFaces.file("faceapijs/test_images/face1.png").toFile()));
    try (FaceEmbedder folded = FaceEmbedder.builder().build();
        FaceEmbedder layered = FaceEmbedder.builder().optAffineFolded(false).build()) {
      float[] a = folded.descriptor(chip);
      float[] b = layered.descriptor(chip);
      for (int i = 0; i < a.length; i++) {
        assertThat(a[i]).isCloseTo(b[i], within(1e-4f));
      }
    }
  }
}
