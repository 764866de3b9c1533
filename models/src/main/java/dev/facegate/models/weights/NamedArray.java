package dev.facegate.models.weights;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named, dense float tensor in row-major order, as stored in a TF.js weights manifest.
 *
 * <p>Invariant: {@code data.length} equals the product of {@code shape}. The arrays are not copied;
 * treat them as read-only.
 *
 * @param name the weight name from the manifest, e.g. {@code pnet/conv1/weights}
 * @param shape the dimensions, outermost first (TF layout: convolution filters are HWIO)
 * @param data the values, dequantised to float32
 */
public record NamedArray(String name, int[] shape, float[] data) {

  /** Validates that the data length matches the shape. */
  public NamedArray {
    Objects.requireNonNull(name, "name is required");
    Objects.requireNonNull(shape, "shape is required");
    Objects.requireNonNull(data, "data is required");
    if (data.length != elementCount(shape)) {
      throw new IllegalArgumentException(
          name + ": " + data.length + " values do not fill shape " + Arrays.toString(shape));
    }
  }

  /** Returns the number of elements a tensor of this shape holds (1 for a scalar). */
  static long elementCount(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n *= d;
    }
    return n;
  }

  /** Returns the shape as a {@code long[]}, as DJL's {@code Shape} wants it. */
  public long[] longShape() {
    return Arrays.stream(shape).asLongStream().toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamedArray other
        && name.equals(other.name)
        && Arrays.equals(shape, other.shape)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "NamedArray[" + name + " " + Arrays.toString(shape) + "]";
  }
}
