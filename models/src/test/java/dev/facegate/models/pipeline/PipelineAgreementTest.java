package dev.facegate.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.pipeline.PipelineAgreement.Photo;
import dev.facegate.models.pipeline.PipelineAgreement.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The comparison the GPU test ({@link GpuParityTest}) relies on, exercised without a GPU: two real
 * pipelines on the CPU (MXNet and PyTorch, the same blocks and weights) must agree within {@link
 * PipelineAgreement#DEVICE_TOLERANCE} on the shared photos, and each kind of disagreement (a moved
 * box, moved landmarks, another face's embedding, a missing face, nothing to compare) must be
 * reported.
 */
class PipelineAgreementTest {

  private static FaceDetector mxnetDetector;
  private static FaceEmbedder mxnetEmbedder;
  private static FaceDetector pytorchDetector;
  private static FaceEmbedder pytorchEmbedder;
  private static List<Photo> photos;

  @BeforeAll
  static void runBothEnginesOnTheSharedPhotos() {
    mxnetDetector = FaceDetector.builder().optEngine("MXNet").optDevice(Device.cpu()).build();
    mxnetEmbedder = FaceEmbedder.builder().optEngine("MXNet").optDevice(Device.cpu()).build();
    pytorchDetector = FaceDetector.builder().optEngine("PyTorch").optDevice(Device.cpu()).build();
    pytorchEmbedder = FaceEmbedder.builder().optEngine("PyTorch").optDevice(Device.cpu()).build();
    // Two different computations, or the comparison would compare a result with itself.
    assertThat(mxnetDetector.getEngineName()).isEqualTo("MXNet");
    assertThat(mxnetEmbedder.engineName()).isEqualTo("MXNet");
    assertThat(pytorchDetector.getEngineName()).isEqualTo("PyTorch");
    assertThat(pytorchEmbedder.engineName()).isEqualTo("PyTorch");
    photos =
        PipelineAgreement.process(
            PipelineAgreement.PHOTOS,
            PipelineAgreement.pipeline(mxnetDetector, mxnetEmbedder),
            PipelineAgreement.pipeline(pytorchDetector, pytorchEmbedder));
  }

  @AfterAll
  static void close() {
    for (AutoCloseable c :
        new AutoCloseable[] {mxnetDetector, mxnetEmbedder, pytorchDetector, pytorchEmbedder}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException("closing " + c, e);
      }
    }
  }

  @Test
  void twoEnginesOnTheCpuAgreeWithinTheDeviceTolerance() {
    Report report = PipelineAgreement.compare(photos, PipelineAgreement.DEVICE_TOLERANCE);
    System.out.println("MXNet CPU vs PyTorch CPU: " + report);
    assertThat(report.violations()).isEmpty();
    // 6 + 3 + 5 + 1 faces, each counted from both sides: agreement must not come from few faces.
    assertThat(report.comparedFaces()).isGreaterThanOrEqualTo(2 * 14);
    assertThat(report.minCosine()).isGreaterThan(0.999);
  }

  @Test
  void aBoxMovedBeyondTheToleranceIsReported() {
    double shift = PipelineAgreement.DEVICE_TOLERANCE.maxBoxShiftPixels() + 1;
    Report report =
        compareWithFirstFaceChanged(
            f ->
                changed(
                    f,
                    new Box(f.box().x1() + shift, f.box().y1(), f.box().x2(), f.box().y2()),
                    f.landmarks(),
                    f.embedding()));
    assertThat(report.violations()).anySatisfy(v -> assertThat(v).contains("box"));
    assertThat(report.maxBoxShift()).isGreaterThan(shift - 1);
  }

  @Test
  void landmarksMovedBeyondTheToleranceAreReported() {
    double shift = PipelineAgreement.DEVICE_TOLERANCE.maxLandmarkShiftPixels() + 1;
    Report report =
        compareWithFirstFaceChanged(
            f -> {
              List<Point> moved = new ArrayList<>(f.landmarks());
              moved.set(2, new Point(moved.get(2).x(), moved.get(2).y() + shift));
              return changed(f, f.box(), moved, f.embedding());
            });
    assertThat(report.violations()).anySatisfy(v -> assertThat(v).contains("landmarks"));
  }

  @Test
  void anotherFacesEmbeddingIsReported() {
    List<EmbeddedFace> faces = photos.get(0).second().faces();
    EmbeddedFace other = faces.get(faces.size() - 1);
    Report report =
        compareWithFirstFaceChanged(f -> changed(f, f.box(), f.landmarks(), other.embedding()));
    assertThat(report.violations()).anySatisfy(v -> assertThat(v).contains("cosine"));
    assertThat(report.minCosine()).isLessThan(PipelineAgreement.DEVICE_TOLERANCE.minCosine());
  }

  @Test
  void aFaceMissingOnOneSideIsReported() {
    Photo group = photos.get(0);
    List<EmbeddedFace> fewer = group.second().faces().subList(1, group.second().faces().size());
    Report report =
        PipelineAgreement.compare(
            List.of(new Photo(group.name(), group.first(), withFaces(group.second(), fewer))),
            PipelineAgreement.DEVICE_TOLERANCE);
    assertThat(report.violations()).anySatisfy(v -> assertThat(v).contains("no face"));
  }

  @Test
  void comparingNoFaceAtAllIsReported() {
    Photo group = photos.get(0);
    PhotoResult empty = withFaces(group.first(), List.of());
    Report report =
        PipelineAgreement.compare(
            List.of(new Photo("empty", empty, empty)), PipelineAgreement.DEVICE_TOLERANCE);
    assertThat(report.comparedFaces()).isZero();
    assertThat(report.agrees()).isFalse();
  }

  /** The first photo, its second result's first face replaced. */
  private static Report compareWithFirstFaceChanged(UnaryOperator<EmbeddedFace> change) {
    Photo group = photos.get(0);
    List<EmbeddedFace> faces = new ArrayList<>(group.second().faces());
    assertThat(faces).hasSizeGreaterThan(1);
    faces.set(0, change.apply(faces.get(0)));
    return PipelineAgreement.compare(
        List.of(new Photo(group.name(), group.first(), withFaces(group.second(), faces))),
        PipelineAgreement.DEVICE_TOLERANCE);
  }

  /** The face with another box, landmarks or embedding; score, quality and chip kept. */
  private static EmbeddedFace changed(
      EmbeddedFace f, Box box, List<Point> landmarks, Embedding embedding) {
    return new EmbeddedFace(
        box, f.score(), landmarks, f.quality(), embedding, f.detected(), f.chip());
  }

  private static PhotoResult withFaces(PhotoResult r, List<EmbeddedFace> faces) {
    return new PhotoResult(r.status(), r.width(), r.height(), r.detections(), faces, r.message());
  }
}
