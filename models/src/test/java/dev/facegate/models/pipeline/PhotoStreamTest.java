package dev.facegate.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.models.TestFaces;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.FaceEmbedder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stream (detection overlapped with batched embedding) gives, photo for photo and in input
 * order, what {@link FacePipeline#process} gives: same status, boxes and landmarks, embeddings
 * within the rounding of a larger batch.
 */
class PhotoStreamTest {

  /**
   * Largest L2 distance allowed between a chip's embedding alone and in a batch: the engine may sum
   * in another order for another batch size (seen: 2e-7); unit vectors of different faces are 0.3+
   * apart.
   */
  private static final double BATCH_ROUNDING = 1e-4;

  private static FaceDetector detector;
  private static FaceEmbedder embedder;
  private static FacePipeline pipeline;

  @BeforeAll
  static void load() {
    detector = FaceDetector.builder().build();
    embedder = FaceEmbedder.builder().build();
    pipeline = FacePipeline.builder().setDetector(detector).setEmbedder(embedder).build();
  }

  @AfterAll
  static void close() {
    embedder.close();
    detector.close();
  }

  /** Group photos, tight crops (second pass), a photo without a face, a gray AT&T crop. */
  private static List<Path> photos() {
    List<Path> files = new ArrayList<>();
    for (String p :
        List.of(
            "faceapijs/test_images/faces.jpg",
            "att_orl_faces/png/s7/1.png",
            "faceapijs/examples_images/amy/amy1.png",
            "dlib_faces/dogs.jpg",
            "azure_face_samples/detection1.jpg",
            "att_orl_faces/png/s7/2.png",
            "faceapijs/examples_images/sheldon/sheldon1.png",
            "deepface_tests/couple.jpg")) {
      files.add(TestFaces.file(p));
    }
    return files;
  }

  @ParameterizedTest(name = "{0} detection thread(s), batches of up to {1} chips")
  @CsvSource({"1, 16", "2, 1", "1, 3"})
  void givesWhatThePipelineGivesPhotoByPhotoInOrder(int detectThreads, int maxBatch)
      throws Exception {
    List<Path> files = photos();
    PhotoStream stream =
        PhotoStream.builder()
            .setPipeline(pipeline)
            .optDetectThreads(detectThreads)
            .optMaxBatch(maxBatch)
            .build();

    List<PhotoResult> streamed = stream.process(files);

    assertThat(streamed).hasSameSizeAs(files);
    int embedded = 0;
    for (int i = 0; i < files.size(); i++) {
      PhotoResult expected = pipeline.process(files.get(i));
      PhotoResult actual = streamed.get(i);
      assertThat(actual.status()).as("%s", files.get(i)).isEqualTo(expected.status());
      assertThat(actual.detections()).as("%s", files.get(i)).isEqualTo(expected.detections());
      assertThat(actual.faces()).hasSameSizeAs(expected.faces());
      for (int f = 0; f < expected.faces().size(); f++) {
        EmbeddedFace e = expected.faces().get(f);
        EmbeddedFace a = actual.faces().get(f);
        assertThat(a.box()).isEqualTo(e.box());
        assertThat(a.quality()).isEqualTo(e.quality());
        assertThat(distance(a.embedding().vector(), e.embedding().vector()))
            .as("embedding of face %d of %s", f, files.get(i))
            .isLessThan(BATCH_ROUNDING);
        embedded++;
      }
    }
    // 6 + 1 + 1 + 1 + 1 + 1 + 2 faces at least, and the dog photo has none.
    assertThat(embedded).isGreaterThanOrEqualTo(12);
    assertThat(streamed.get(3).status()).isEqualTo(PhotoResult.Status.NO_FACE);
  }

  @Test
  void reportsUndecodableInputInItsPlaceAndGoesOn() throws Exception {
    List<byte[]> images =
        List.of(
            TestFaces.read("att_orl_faces/png/s7/1.png"),
            "not an image".getBytes(StandardCharsets.US_ASCII),
            TestFaces.read("att_orl_faces/png/s7/2.png"));

    List<PhotoResult> results =
        PhotoStream.builder().setPipeline(pipeline).build().processEncoded(images);

    assertThat(results)
        .extracting(PhotoResult::status)
        .containsExactly(
            PhotoResult.Status.FACES, PhotoResult.Status.UNDECODABLE, PhotoResult.Status.FACES);
    assertThat(results.get(1).message()).isNotBlank();
  }

  @Test
  void embedsTheCentreCropWhenThePipelineFallsBack() throws Exception {
    FacePipeline fallback =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(embedder)
            .optCentreCropFallback(true)
            .build();
    Path dogs = TestFaces.file("dlib_faces/dogs.jpg");

    PhotoResult streamed =
        PhotoStream.builder().setPipeline(fallback).build().process(List.of(dogs)).get(0);
    PhotoResult direct = fallback.process(dogs);

    assertThat(streamed.status()).isEqualTo(PhotoResult.Status.FALLBACK);
    assertThat(
            distance(
                streamed.faces().get(0).embedding().vector(),
                direct.faces().get(0).embedding().vector()))
        .isLessThan(BATCH_ROUNDING);
  }

  @Test
  void emptyInputGivesNoResults() throws Exception {
    assertThat(PhotoStream.builder().setPipeline(pipeline).build().process(List.of())).isEmpty();
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> PhotoStream.builder().optDetectThreads(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhotoStream.builder().optMaxBatch(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhotoStream.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("pipeline");
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
