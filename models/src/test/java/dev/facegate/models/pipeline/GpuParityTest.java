package dev.facegate.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.pipeline.PipelineAgreement.Report;
import org.junit.jupiter.api.Test;

/**
 * The GPU path: the same MTCNN and ResNet blocks on DJL's PyTorch engine on a CUDA GPU give the
 * CPU's faces, boxes, landmarks and embeddings within {@link PipelineAgreement#DEVICE_TOLERANCE} on
 * the shared photos.
 *
 * <p>Runs only where DJL's PyTorch engine reports a CUDA GPU, which needs PyTorch's CUDA natives:
 * {@code ./mvnw -B -pl models test -Pgpu -Dlibtorch.dir=/opt/libtorch/lib -Dtest=GpuParityTest}
 * (docs/scale-out.md, "The GPU path"). Elsewhere it is skipped with the reason "no CUDA GPU on this
 * machine", the only skip the project allows. Under {@code -Pgpu} (system property {@code
 * facegate.gpu.required}) a missing GPU fails instead: a GPU build that silently compared nothing
 * would prove nothing. The comparison itself is exercised on every build by {@link
 * PipelineAgreementTest} (MXNet against PyTorch, both on the CPU).
 */
class GpuParityTest {

  private static final String ENGINE = "PyTorch";

  @Test
  void detectorAndEmbedderOnTheGpuAgreeWithTheCpu() {
    int gpus = cudaGpus();
    if (Boolean.getBoolean("facegate.gpu.required")) {
      assertThat(gpus)
          .as(
              "the gpu profile needs a CUDA GPU visible to DJL's PyTorch engine (PYTORCH_LIBRARY_PATH"
                  + " = libtorch %s with CUDA, PYTORCH_FLAVOR, an NVIDIA driver)",
              Engine.getEngine(ENGINE).getVersion())
          .isPositive();
    }
    assumeTrue(
        gpus > 0,
        "no CUDA GPU on this machine (DJL's PyTorch engine reports none; on a GPU machine run"
            + " with -Pgpu)");

    Device gpu = Device.gpu(0);
    try (FaceDetector cpuDetector =
            FaceDetector.builder().optEngine(ENGINE).optDevice(Device.cpu()).build();
        FaceEmbedder cpuEmbedder =
            FaceEmbedder.builder().optEngine(ENGINE).optDevice(Device.cpu()).build();
        FaceDetector gpuDetector = FaceDetector.builder().optEngine(ENGINE).optDevice(gpu).build();
        FaceEmbedder gpuEmbedder =
            FaceEmbedder.builder().optEngine(ENGINE).optDevice(gpu).build()) {
      assertThat(gpuDetector.getDevice().isGpu()).as("the detector runs on the GPU").isTrue();
      Report report =
          PipelineAgreement.compare(
              PipelineAgreement.process(
                  PipelineAgreement.PHOTOS,
                  PipelineAgreement.pipeline(cpuDetector, cpuEmbedder),
                  PipelineAgreement.pipeline(gpuDetector, gpuEmbedder)),
              PipelineAgreement.DEVICE_TOLERANCE);
      System.out.println("PyTorch CPU vs PyTorch " + gpu + ": " + report);
      assertThat(report.violations()).isEmpty();
      assertThat(report.comparedFaces()).isGreaterThanOrEqualTo(2 * 14);
    }
  }

  /** GPUs DJL's PyTorch engine can use; 0 where the engine or its CUDA natives are absent. */
  private static int cudaGpus() {
    return Engine.hasEngine(ENGINE) ? Engine.getEngine(ENGINE).getGpuCount() : 0;
  }
}
