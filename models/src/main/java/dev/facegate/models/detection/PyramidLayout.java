package dev.facegate.models.detection;

import java.util.Arrays;

/**
 * Where the levels of an image pyramid lie on one canvas, so that P-Net runs once per image instead
 * of once per level (each engine call has a fixed cost that a small level does not amortise).
 *
 * <p>Levels are stacked in columns as high as the first (largest) level, each at even coordinates,
 * so that P-Net's stride-2 pooling pairs the same pixels as on the level alone and each output cell
 * of the canvas is an output cell of exactly one level. Levels may touch: what keeps them apart is
 * the {@link #mask()}, added to the first convolution's activations before the pooling. It is 0
 * where the convolution saw pixels of one level only and very negative elsewhere, so the
 * max-pooling never picks a value that mixes two levels or the background. That also reproduces the
 * ceil-mode pooling of a level of odd size exactly: the last window, which hangs one pixel over the
 * level's edge, takes the maximum of the pixels inside only, as on the level alone.
 */
final class PyramidLayout {

  /**
   * Added to the first convolution's output outside the levels. Far below any activation of real
   * pixels (inputs lie in [-1, 1]) and small enough that the layers after it cannot overflow float.
   */
  static final float OUTSIDE = -1e4f;

  /** Pixels the first convolution (3 x 3, no padding) loses at the right and bottom. */
  private static final int CONV1_LOSS = 2;

  /** Pooled pixels the second and third convolutions (3 x 3 each) lose at the right and bottom. */
  private static final int LATER_LOSS = 4;

  private final int width;
  private final int height;
  private final int[] x;
  private final int[] y;
  private final int[] w;
  private final int[] h;

  private PyramidLayout(int width, int height, int[] x, int[] y, int[] w, int[] h) {
    this.width = width;
    this.height = height;
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
  }

  /**
   * Lays out levels of the given sizes, largest first.
   *
   * @param widths level widths, each at least 12
   * @param heights level heights, each at least 12, none above the first
   * @return the layout
   */
  static PyramidLayout of(int[] widths, int[] heights) {
    int n = widths.length;
    if (n == 0 || heights.length != n) {
      throw new IllegalArgumentException("need as many widths as heights, at least one");
    }
    int height = heights[0];
    int[] x = new int[n];
    int[] y = new int[n];
    int columnX = 0;
    int columnWidth = 0;
    int nextY = 0;
    for (int k = 0; k < n; k++) {
      if (heights[k] > height) {
        throw new IllegalArgumentException("level " + k + " is higher than the first");
      }
      if (nextY + heights[k] > height) {
        columnX = even(columnX + columnWidth);
        columnWidth = 0;
        nextY = 0;
      }
      x[k] = columnX;
      y[k] = nextY;
      columnWidth = Math.max(columnWidth, widths[k]);
      nextY = even(nextY + heights[k]);
    }
    return new PyramidLayout(columnX + columnWidth, height, x, y, widths.clone(), heights.clone());
  }

  private static int even(int v) {
    return (v + 1) & ~1;
  }

  int levels() {
    return x.length;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int x(int level) {
    return x[level];
  }

  int y(int level) {
    return y[level];
  }

  int levelWidth(int level) {
    return w[level];
  }

  int levelHeight(int level) {
    return h[level];
  }

  /** The first output cell column of a level on the canvas's output map. */
  int cellX(int level) {
    return x[level] / 2;
  }

  /** The first output cell row of a level on the canvas's output map. */
  int cellY(int level) {
    return y[level] / 2;
  }

  /** Output map columns of a level: as for the level alone (ceil-mode pooling). */
  int cellColumns(int level) {
    return cells(w[level]);
  }

  /** Output map rows of a level. */
  int cellRows(int level) {
    return cells(h[level]);
  }

  /** P-Net's output side for an input side: 3 x 3 conv, 2 x 2 / 2 ceil pooling, two 3 x 3 convs. */
  static int cells(int side) {
    return (side - CONV1_LOSS + 1) / 2 - LATER_LOSS;
  }

  /**
   * Returns the additive mask over the first convolution's output ({@code (height - 2) x (width -
   * 2)}, row-major): 0 where the 3 x 3 window lies inside one level, {@link #OUTSIDE} elsewhere.
   */
  float[] mask() {
    int mw = width - CONV1_LOSS;
    int mh = height - CONV1_LOSS;
    float[] mask = new float[mw * mh];
    Arrays.fill(mask, OUTSIDE);
    for (int k = 0; k < x.length; k++) {
      for (int r = 0; r < h[k] - CONV1_LOSS; r++) {
        int row = (y[k] + r) * mw + x[k];
        Arrays.fill(mask, row, row + w[k] - CONV1_LOSS, 0f);
      }
    }
    return mask;
  }
}
