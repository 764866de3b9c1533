package dev.facegate.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.TestFaces;
import dev.facegate.models.comparison.Similarity;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Box;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FacePipelineTest {

  private static FaceDetector detector;
  private static FaceEmbedder embedder;
  private static FacePipeline pipeline;

  @BeforeAll
  static void load() throws Exception {
    detector = FaceDetector.builder().build();
    embedder = FaceEmbedder.builder().build();
    pipeline = FacePipeline.builder().setDetector(detector).setEmbedder(embedder).build();
  }

  @AfterAll
  static void close() {
    embedder.close();
    detector.close();
  }

  @Test
  void embedsEveryFaceOfAGroupPhotoWithItsBox() {
    PhotoResult result = pipeline.process(TestFaces.file("faceapijs/test_images/faces.jpg"));

    assertThat(result.status()).isEqualTo(PhotoResult.Status.FACES);
    assertThat(result.faces()).hasSize(6);
    // The boxes face-api.js expects on this photo (x, y, w, h), each matched by one of ours.
    double[][] expected = {
      {70, 21, 112, 112}, {36, 250, 133, 132}, {221, 43, 112, 111},
      {247, 231, 106, 107}, {566, 67, 104, 104}, {451, 176, 122, 122}
    };
    for (double[] e : expected) {
      Box box = Box.ofSize(e[0], e[1], e[2], e[3]);
      assertThat(result.faces()).anySatisfy(f -> assertThat(f.box().iou(box)).isGreaterThan(0.4));
    }
    for (EmbeddedFace f : result.faces()) {
      assertThat(f.detected()).isTrue();
      assertThat(f.embedding().dimension()).isEqualTo(128);
      assertThat(f.embedding().modelId()).isEqualTo(FaceEmbedder.MODEL_ID);
      assertThat(Similarity.cosine(f.embedding(), f.embedding())).isCloseTo(1, within(1e-5));
    }
    // Six different people: no two embeddings pass the calibrated threshold.
    List<EmbeddedFace> faces = result.faces();
    for (int i = 0; i < faces.size(); i++) {
      for (int j = i + 1; j < faces.size(); j++) {
        assertThat(Similarity.cosine(faces.get(i).embedding(), faces.get(j).embedding()))
            .isLessThan(FaceEmbedder.calibratedThreshold());
      }
    }
  }

  @Test
  void theSamePersonInTwoPhotosMatchesAndOthersDoNot() {
    var dad1 =
        pipeline.process(TestFaces.file("azure_face_samples/Family1-Dad1.jpg")).largestFace();
    var dad2 =
        pipeline.process(TestFaces.file("azure_face_samples/Family1-Dad2.jpg")).largestFace();
    var mom = pipeline.process(TestFaces.file("azure_face_samples/Family1-Mom1.jpg")).largestFace();
    assertThat(dad1).isPresent();
    assertThat(dad2).isPresent();
    assertThat(mom).isPresent();
    double threshold = FaceEmbedder.calibratedThreshold();
    assertThat(Similarity.cosine(dad1.get().embedding(), dad2.get().embedding()))
        .isGreaterThan(threshold);
    assertThat(Similarity.cosine(dad1.get().embedding(), mom.get().embedding()))
        .isLessThan(threshold);
  }

  @Test
  void aGrayFaceCropGivesTheSameEmbeddingAsABufferedImageOrAsBytes() throws Exception {
    var file = TestFaces.file("faceapijs/test_images/face1.png");
    PhotoResult fromBytes = pipeline.process(java.nio.file.Files.readAllBytes(file));
    PhotoResult fromImage = pipeline.process(javax.imageio.ImageIO.read(file.toFile()));
    assertThat(fromBytes.faces()).hasSize(1);
    assertThat(fromImage.faces()).hasSize(1);
    assertThat(
            Similarity.cosine(
                fromBytes.faces().get(0).embedding(), fromImage.faces().get(0).embedding()))
        .isCloseTo(1, within(1e-6));
  }

  @Test
  void aPhotoWithoutFacesIsAClearResult() {
    PhotoResult result = pipeline.process(TestFaces.file("dlib_faces/dogs.jpg"));
    assertThat(result.status()).isEqualTo(PhotoResult.Status.NO_FACE);
    assertThat(result.faces()).isEmpty();
    assertThat(result.largestFace()).isEmpty();
  }

  @Test
  void theCentreCropFallbackIsReported() {
    FacePipeline withFallback =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(embedder)
            .optCentreCropFallback(true)
            .build();
    PhotoResult result = withFallback.process(TestFaces.file("dlib_faces/dogs.jpg"));
    assertThat(result.status()).isEqualTo(PhotoResult.Status.FALLBACK);
    assertThat(result.faces()).singleElement().satisfies(f -> assertThat(f.detected()).isFalse());
  }

  @Test
  void undecodableBytesAreAClearResult() {
    PhotoResult result = pipeline.process("not an image".getBytes(StandardCharsets.US_ASCII));
    assertThat(result.status()).isEqualTo(PhotoResult.Status.UNDECODABLE);
    assertThat(result.message()).isNotBlank();
  }
}
