package dev.facegate.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import dev.facegate.models.alignment.FaceAligner;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.alignment.FaceTemplate;
import dev.facegate.models.comparison.Similarity;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceEmbedderTest {

  private static FaceEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = FaceEmbedder.builder().build();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  /** face-api.js feeds a face crop as the whole image resized to 150 x 150. */
  @Test
  void matchesTheReferenceDescriptorsOfFaceApiJs() throws Exception {
    FaceAligner aligner = new FaceAligner(embedder.template());
    for (int i = 1; i <= 2; i++) {
      FaceChip chip = aligner.wholeImage(image("faceapijs/test_images/face" + i + ".png"));
      float[] actual = embedder.descriptor(chip);
      float[] expected = reference("faceapijs/reference/faceDescriptor" + i + ".json");

      assertThat(actual).hasSize(128);
      assertThat(l2(actual, expected)).as("L2 to faceDescriptor%d.json", i).isLessThan(0.05);
    }
  }

  /**
   * With flip augmentation a chip and its mirror image give the same two descriptors, so the same
   * embedding (up to the batch's float rounding); without it they differ measurably. A batch of two
   * faces gives each face what it gets alone.
   */
  @Test
  void flipAugmentationAveragesAChipWithItsMirrorImage() throws Exception {
    FaceAligner aligner = new FaceAligner(embedder.template());
    FaceChip a = aligner.wholeImage(image("faceapijs/test_images/face1.png"));
    FaceChip b = aligner.wholeImage(image("faceapijs/test_images/face2.png"));
    assertThat(Similarity.cosine(embedder.embed(a), embedder.embed(a.mirrored())))
        .isLessThan(0.999);
    try (FaceEmbedder flip = FaceEmbedder.builder().optFlipAugmentation(true).build()) {
      Embedding plain = flip.embed(a);
      assertThat(Similarity.cosine(plain, flip.embed(a.mirrored()))).isCloseTo(1, within(1e-5));
      List<Embedding> batch = flip.embed(List.of(a, b));
      assertThat(Similarity.cosine(batch.get(0), plain)).isCloseTo(1, within(1e-5));
      assertThat(Similarity.cosine(batch.get(1), flip.embed(b))).isCloseTo(1, within(1e-5));
      // The average stays close to the plain embedding: same face, not a different one.
      assertThat(Similarity.cosine(plain, embedder.embed(a))).isGreaterThan(0.97);
    }
  }

  @Test
  void theTemplateMustFitTheNetworksChip() {
    assertThat(FaceEmbedder.DLIB_MEAN_FACE_TEMPLATE.chipSize()).isEqualTo(150);
    double[][] p = FaceEmbedder.DLIB_MEAN_FACE_TEMPLATE.points();
    // dlib's mean face is symmetric: eyes and mouth corners at equal heights, nose in the middle.
    assertThat(p[0][1]).isCloseTo(p[1][1], within(1e-3));
    assertThat(p[3][1]).isCloseTo(p[4][1], within(1e-3));
    assertThat(p[2][0]).isCloseTo((p[0][0] + p[1][0]) / 2, within(0.1));
    var small =
        new FaceTemplate(112, new double[][] {{38, 52}, {74, 52}, {56, 72}, {42, 92}, {70, 92}});
    assertThatThrownBy(() -> FaceEmbedder.builder().optTemplate(small))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("150");
  }

  @Test
  void embeddingsAreUnitLengthAndCarryTheModel() throws Exception {
    FaceAligner aligner = new FaceAligner(embedder.template());
    FaceChip a = aligner.wholeImage(image("faceapijs/test_images/face1.png"));
    FaceChip b = aligner.wholeImage(image("faceapijs/test_images/face2.png"));

    List<Embedding> batch = embedder.embed(List.of(a, b));
    Embedding single = embedder.embed(a);

    assertThat(batch).hasSize(2);
    assertThat(Similarity.cosine(single, single)).isCloseTo(1, within(1e-6));
    double norm = 0;
    for (float v : single.vector()) {
      norm += v * v;
    }
    assertThat(norm).isCloseTo(1, within(1e-5));
    assertThat(single.modelId()).isEqualTo(FaceEmbedder.MODEL_ID);
    assertThat(single.modelVersion()).isEqualTo(FaceEmbedder.MODEL_VERSION);
    // Batched and single inference agree.
    assertThat(Similarity.cosine(batch.get(0), single)).isCloseTo(1, within(1e-5));
  }

  @Test
  void concurrentCallersGetTheSameEmbeddings() throws Exception {
    FaceAligner aligner = new FaceAligner(embedder.template());
    FaceChip chip = aligner.wholeImage(image("faceapijs/test_images/face1.png"));
    float[] expected = embedder.descriptor(chip);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<float[]>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> embedder.descriptor(chip)));
      }
      for (var r : results) {
        assertThat(r.get()).containsExactly(expected, within(1e-5f));
      }
    } finally {
      pool.shutdown();
    }
  }

  private static float[] reference(String relative) throws Exception {
    var array = JsonParser.parseString(Files.readString(TestFaces.file(relative))).getAsJsonArray();
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).getAsFloat();
    }
    return out;
  }

  private static double l2(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static java.awt.image.BufferedImage image(String relative) throws java.io.IOException {
    var image = javax.imageio.ImageIO.read(TestFaces.file(relative).toFile());
    assertThat(image).as("decodable %s", relative).isNotNull();
    return image;
  }
}
