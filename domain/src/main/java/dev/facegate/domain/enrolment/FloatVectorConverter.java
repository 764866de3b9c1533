package dev.facegate.domain.enrolment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Stores a float vector as little-endian IEEE 754 bytes (4 per dimension): compact, exact, and the
 * same on PostgreSQL ({@code bytea}) and H2 ({@code varbinary}).
 */
@Converter
public class FloatVectorConverter implements AttributeConverter<float[], byte[]> {

  @Override
  public byte[] convertToDatabaseColumn(float[] vector) {
    if (vector == null) {
      return null;
    }
    ByteBuffer buffer =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  @Override
  public float[] convertToEntityAttribute(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "A stored vector has " + bytes.length + " bytes, not a multiple of 4");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
