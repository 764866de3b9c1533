package dev.facegate.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.models.weights.NamedArray;
import org.junit.jupiter.api.Test;

class TfjsLayoutsTest {

  /** A filter whose value encodes its HWIO index: h * 1000 + w * 100 + i * 10 + o. */
  private static NamedArray indexedFilter(int kh, int kw, int in, int out) {
    float[] v = new float[kh * kw * in * out];
    for (int h = 0; h < kh; h++) {
      for (int w = 0; w < kw; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            v[((h * kw + w) * in + i) * out + o] = h * 1000 + w * 100 + i * 10 + o;
          }
        }
      }
    }
    return new NamedArray("f", new int[] {kh, kw, in, out}, v);
  }

  @Test
  void hwioBecomesOihwWithOrWithoutTheSpatialSwap() {
    NamedArray f = indexedFilter(2, 2, 3, 4);
    float[] plain = TfjsLayouts.hwioToOihw(f, false);
    float[] swapped = TfjsLayouts.hwioToOihw(f, true);
    // OIHW index of (o=3, i=2, y=0, x=1)
    int idx = ((3 * 3 + 2) * 2 + 0) * 2 + 1;
    assertThat(plain[idx]).isEqualTo(0 * 1000 + 1 * 100 + 2 * 10 + 3);
    assertThat(swapped[idx]).isEqualTo(1 * 1000 + 0 * 100 + 2 * 10 + 3);
    assertThatThrownBy(() -> TfjsLayouts.hwioToOihw(indexedFilter(1, 2, 1, 1), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void denseKernelsAreTransposedAndReorderedForTheFlatten() {
    NamedArray k = new NamedArray("d", new int[] {3, 2}, new float[] {0, 1, 10, 11, 20, 21});
    assertThat(TfjsLayouts.denseToLinear(k)).containsExactly(0, 10, 20, 1, 11, 21);

    // C=2, H=1, W=2: TF input index (x * H + y) * C + c; DJL index (c * H + y) * W + x.
    float[] tf = new float[4];
    for (int i = 0; i < 4; i++) {
      tf[i] = i; // one output unit: its weight for TF input i is i
    }
    float[] djl =
        TfjsLayouts.transposedNhwcDenseToLinear(new NamedArray("d", new int[] {4, 1}, tf), 2, 1, 2);
    // DJL (c=0,x=0) <- TF 0; (c=0,x=1) <- TF 2; (c=1,x=0) <- TF 1; (c=1,x=1) <- TF 3.
    assertThat(djl).containsExactly(0, 2, 1, 3);
  }
}
