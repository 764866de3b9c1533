package dev.facegate.models.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TfjsWeightsTest {

  @Test
  void decodesTheFloat32MtcnnManifest() throws IOException {
    TfjsWeights w = PackagedWeights.MTCNN.load();

    assertThat(w.names()).hasSize(50).startsWith("pnet/conv1/weights").endsWith("onet/fc2_3/bias");
    NamedArray conv1 = w.get("pnet/conv1/weights");
    assertThat(conv1.shape()).containsExactly(3, 3, 3, 10);
    // Expected values read from the shard with Python's struct module.
    assertThat(conv1.data()[0]).isEqualTo(-0.08164715766906738f);
    assertThat(conv1.data()[1]).isEqualTo(0.48790067434310913f);
    float[] last = w.get("onet/fc2_3/bias").data();
    assertThat(last[last.length - 1]).isEqualTo(0.746856689453125f);
    assertThat(w.get("onet/fc1/weights").shape()).containsExactly(1152, 256);
  }

  @Test
  void dequantisesTheUint8FaceRecognitionManifest() throws IOException {
    TfjsWeights w = PackagedWeights.FACE_RECOGNITION.load();

    assertThat(w.names()).hasSize(117);
    NamedArray filters = w.get("conv32_down/conv/filters");
    assertThat(filters.shape()).containsExactly(7, 7, 3, 32);
    assertThat(filters.data()[0]).isCloseTo(-0.02945963752036001f, within(1e-7f));
    assertThat(filters.data()[filters.data().length - 1])
        .isCloseTo(0.005786714512927865f, within(1e-7f));
    assertThat(w.get("conv32_down/scale/weights").data()[0])
        .isCloseTo(12.194225930232626f, within(1e-5f));
    NamedArray fc = w.get("fc");
    assertThat(fc.shape()).containsExactly(256, 128);
    assertThat(fc.data()[fc.data().length - 1]).isCloseTo(0.00643838240819819f, within(1e-7f));
  }

  @Test
  void decodesFloat16AndUint16() throws IOException {
    String manifest =
        """
        [{"paths": ["s1", "s2"], "weights": [
          {"name": "h", "shape": [2], "dtype": "float16"},
          {"name": "q", "shape": [2, 1], "dtype": "float32",
           "quantization": {"dtype": "uint16", "scale": 0.5, "min": -1.0}}]}]
        """;
    ByteBuffer s1 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    s1.putShort(Float.floatToFloat16(1.5f)).putShort(Float.floatToFloat16(-2f));
    ByteBuffer s2 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    s2.putShort((short) 0).putShort((short) 65535);

    TfjsWeights w =
        TfjsWeights.load(
            stream(manifest),
            p -> new ByteArrayInputStream(p.equals("s1") ? s1.array() : s2.array()));

    assertThat(w.get("h").data()).containsExactly(1.5f, -2f);
    assertThat(w.get("q").data()).containsExactly(-1f, 65535 * 0.5f - 1f);
    assertThat(w.get("q").longShape()).containsExactly(2L, 1L);
  }

  @Test
  void rejectsShardsOfTheWrongSize() {
    String manifest =
        """
        [{"paths": ["s"], "weights": [{"name": "a", "shape": [3], "dtype": "float32"}]}]
        """;
    assertThatThrownBy(
            () -> TfjsWeights.load(stream(manifest), p -> new ByteArrayInputStream(new byte[8])))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("shards end");
    assertThatThrownBy(
            () -> TfjsWeights.load(stream(manifest), p -> new ByteArrayInputStream(new byte[16])))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("left over");
  }

  @Test
  void rejectsUnknownNamesAndNonManifests() throws IOException {
    TfjsWeights w = PackagedWeights.MTCNN.load();
    assertThatThrownBy(() -> w.get("nope")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> TfjsWeights.load(stream("{}"), p -> null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Not a TF.js weights manifest");
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
