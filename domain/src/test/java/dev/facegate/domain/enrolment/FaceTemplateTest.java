package dev.facegate.domain.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.facegate.domain.people.Employee;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FaceTemplateTest {

  private static final Employee EMPLOYEE = new Employee("E-1", "Ada", "R&D", Instant.EPOCH);
  private static final TemplateQuality QUALITY = new TemplateQuality(0.99, 120, 150.0, 0.9);

  @Test
  void vectorRoundTripsThroughTheDatabaseColumnExactly() {
    FloatVectorConverter converter = new FloatVectorConverter();
    float[] vector = {0.6f, -0.8f, 0f, Float.MIN_VALUE};

    byte[] column = converter.convertToDatabaseColumn(vector);

    assertThat(column).hasSize(16);
    assertThat(converter.convertToEntityAttribute(column)).containsExactly(vector);
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
  }

  @Test
  void aTruncatedColumnIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FloatVectorConverter().convertToEntityAttribute(new byte[7]));
  }

  @Test
  void onlyUnitVectorsWithFiniteComponentsBecomeTemplates() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> template(new float[] {1f, 1f}))
        .withMessageContaining("normalised");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> template(new float[] {Float.NaN, 1f}))
        .withMessageContaining("non-finite");
    assertThatIllegalArgumentException().isThrownBy(() -> template(new float[0]));
  }

  @Test
  void theTemplateKeepsItsOwnCopyOfTheVector() {
    float[] vector = {0.6f, 0.8f};
    FaceTemplate template = template(vector);
    vector[0] = 0;

    assertThat(template.getVector()).containsExactly(0.6f, 0.8f);
    assertThat(template.getQuality()).isEqualTo(QUALITY);
    assertThat(template.hasFaceCrop()).isFalse();
  }

  private static FaceTemplate template(float[] vector) {
    return new FaceTemplate(EMPLOYEE, vector, "dlib-resnet", "1", QUALITY, null, Instant.EPOCH);
  }
}
