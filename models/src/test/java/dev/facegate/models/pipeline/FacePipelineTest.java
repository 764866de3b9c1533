package dev.facegate.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.TestFaces;
import dev.facegate.models.comparison.Similarity;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.quality.FaceQuality;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * AT&T {@code s2/6}: the face fills the 92 x 112 crop and MTCNN finds nothing in one pass (the
   * verify runs before issue 16 listed it among the 3 no-face images); the padded second pass finds
   * it, with landmarks inside the crop. Without the second pass it stays NO_FACE.
   */
  @Test
  void aFaceThatFillsTheFrameIsFoundByThePaddedSecondPass() {
    Path crop = TestFaces.file("att_orl_faces/png/s2/6.png");
    FacePipeline onePass =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(embedder)
            .optRetryPadding(0)
            .build();
    assertThat(onePass.process(crop).status()).isEqualTo(PhotoResult.Status.NO_FACE);

    PhotoResult result = pipeline.process(crop);
    assertThat(result.status()).isEqualTo(PhotoResult.Status.FACES);
    EmbeddedFace face = result.faces().get(0);
    assertThat(face.detected()).isTrue();
    assertThat(face.landmarks())
        .allSatisfy(
            p -> {
              assertThat(p.x()).isBetween(0.0, 92.0);
              assertThat(p.y()).isBetween(0.0, 112.0);
            });
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

  @Test
  void everyEmbeddedFaceCarriesItsDetectionAndQuality() {
    PhotoResult result = pipeline.process(TestFaces.file("faceapijs/test_images/faces.jpg"));

    assertThat(result.faceCount()).isEqualTo(6);
    assertThat(result.faces()).hasSize(6);
    for (int i = 0; i < result.faces().size(); i++) {
      EmbeddedFace f = result.faces().get(i);
      FaceDetection d = result.detections().get(i);
      assertThat(f.box()).isEqualTo(d.box());
      assertThat(f.landmarks()).isEqualTo(d.landmarks());
      // The same figures a caller would compute from the detection and the chip.
      assertThat(f.quality()).isEqualTo(FaceQuality.of(d, f.chip()));
      assertThat(f.quality().faceSizePx())
          .isEqualTo((int) Math.round(Math.min(d.box().width(), d.box().height())));
      assertThat(f.quality().sharpness()).isPositive();
      assertThat(f.quality().frontalness()).isBetween(0.0, 1.0);
    }
  }

  /**
   * A door frame with more people than the caller accepts costs one detection: the embedder is
   * never called (a closed embedder would throw), yet every box and landmark comes back.
   */
  @Test
  void aGroupPhotoAboveTheFaceLimitIsDetectedButNotEmbedded() {
    Path group = TestFaces.file("azure_face_samples/identification1.jpg");
    PhotoResult all = pipeline.process(group);
    assertThat(all.status()).isEqualTo(PhotoResult.Status.FACES);
    assertThat(all.faceCount()).isEqualTo(4);

    FaceEmbedder closed = FaceEmbedder.builder().build();
    closed.close();
    FacePipeline unlimited =
        FacePipeline.builder().setDetector(detector).setEmbedder(closed).build();
    assertThatThrownBy(() -> unlimited.process(group)).isInstanceOf(IllegalStateException.class);

    FacePipeline limited =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(closed)
            .optMaxFacesToEmbed(3)
            .build();
    PhotoResult result = limited.process(group);

    assertThat(result.status()).isEqualTo(PhotoResult.Status.TOO_MANY_FACES);
    assertThat(result.faces()).isEmpty();
    assertThat(result.largestFace()).isEmpty();
    assertThat(result.detections()).isEqualTo(all.detections());
    assertThat(result.faceCount()).isEqualTo(4);
    assertThat(result.message()).contains("4 faces");
    assertThat(result.width()).isEqualTo(all.width());

    // At the limit every face is embedded.
    FacePipeline atLimit =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(embedder)
            .optMaxFacesToEmbed(4)
            .build();
    assertThat(atLimit.process(group).faces()).hasSize(4);
    assertThatThrownBy(() -> FacePipeline.builder().optMaxFacesToEmbed(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePipelinesDecoderHonoursItsPixelLimit() throws Exception {
    Path file = TestFaces.file("faceapijs/test_images/faces.jpg"); // 710 x 473 = 335,830 pixels
    FacePipeline small =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(embedder)
            .optImageDecoder(ImageDecoder.builder().optMaxPixels(300_000).build())
            .build();
    assertThat(small.imageDecoder().getMaxPixels()).isEqualTo(300_000);

    for (PhotoResult refused :
        List.of(small.process(file), small.process(Files.readAllBytes(file)))) {
      assertThat(refused.status()).isEqualTo(PhotoResult.Status.UNDECODABLE);
      assertThat(refused.message()).contains("710x473", "300000");
      assertThat(refused.detections()).isEmpty();
    }
    assertThat(pipeline.process(Files.readAllBytes(file)).status())
        .isEqualTo(PhotoResult.Status.FACES);
  }

  @Test
  void reportsTheStagesThatRanToItsListener() {
    List<StageListener.Stage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Long> durations = new java.util.concurrent.CopyOnWriteArrayList<>();
    FacePipeline timed =
        FacePipeline.builder()
            .setDetector(detector)
            .setEmbedder(embedder)
            .optStageListener(
                (stage, nanos) -> {
                  stages.add(stage);
                  durations.add(nanos);
                })
            .build();

    timed.process(TestFaces.file("azure_face_samples/Family1-Dad1.jpg"));
    assertThat(stages).containsExactly(StageListener.Stage.DETECT, StageListener.Stage.EMBED);

    stages.clear();
    timed.process(TestFaces.file("dlib_faces/dogs.jpg"));
    // No face: nothing was embedded, so only detection is reported.
    assertThat(stages).containsExactly(StageListener.Stage.DETECT);
    assertThat(durations).allSatisfy(nanos -> assertThat(nanos).isPositive());
  }
}
