package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.facegate.models.TestFaces;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.RgbImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same blocks and weights give the same detections on DJL's MXNet and PyTorch engines. */
class EngineParityTest {

  @Test
  void mxnetAndPytorchAgreeWithin1e3() throws IOException {
    ImageDecoder decoder = ImageDecoder.newInstance();
    List<RgbImage> images =
        List.of(
            decoder.decodeRgb(TestFaces.file("faceapijs/test_images/faces.jpg")),
            decoder.decodeRgb(TestFaces.file("dlib_faces/2008_002506.jpg")));
    try (FaceDetector mxnet = FaceDetector.builder().optEngine("MXNet").build();
        FaceDetector pytorch =
            FaceDetector.builder().optEngine("PyTorch").optDevice(Device.cpu()).build()) {
      assertThat(mxnet.getEngineName()).isEqualTo("MXNet");
      assertThat(pytorch.getEngineName()).isEqualTo("PyTorch");
      for (RgbImage image : images) {
        List<FaceDetection> a = mxnet.detect(image);
        List<FaceDetection> b = pytorch.detect(image);
        assertThat(a).isNotEmpty().hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
          FaceDetection x = a.get(i);
          FaceDetection y = b.get(i);
          assertThat(y.score()).isCloseTo(x.score(), within(1e-3f));
          assertThat(y.box().toXywh()[0]).isCloseTo(x.box().toXywh()[0], within(1e-3));
          assertThat(y.box().toXywh()[1]).isCloseTo(x.box().toXywh()[1], within(1e-3));
          assertThat(y.box().width()).isCloseTo(x.box().width(), within(1e-3));
          assertThat(y.box().height()).isCloseTo(x.box().height(), within(1e-3));
          for (int p = 0; p < 5; p++) {
            assertThat(y.landmarks().get(p).x()).isCloseTo(x.landmarks().get(p).x(), within(1e-3));
            assertThat(y.landmarks().get(p).y()).isCloseTo(x.landmarks().get(p).y(), within(1e-3));
          }
        }
      }
    }
  }
}
