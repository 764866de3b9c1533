package dev.facegate.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import dev.facegate.models.alignment.FaceAligner;
import dev.facegate.models.alignment.FaceChip;
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
