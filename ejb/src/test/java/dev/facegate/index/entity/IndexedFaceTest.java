package dev.facegate.index.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexedFaceTest {

  private static final FaceModel MODEL = new FaceModel("m", "1", 3);

  @Test
  void keepsACopyOfTheVector() {
    float[] v = {1, 2, 3};
    IndexedFace face = new IndexedFace("t", "p", MODEL, v, Map.of("site", "hq"));
    v[0] = 9;
    face.vector()[1] = 9;

    assertThat(face.vector()).containsExactly(1, 2, 3);
  }

  @Test
  void refusesVectorsThatCannotBeComparedByCosine() {
    assertThatThrownBy(() -> new IndexedFace("t", "p", MODEL, new float[] {1, 2}, null))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("2 dimensions");
    assertThatThrownBy(() -> new IndexedFace("t", "p", MODEL, new float[] {1, Float.NaN, 0}, null))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(
            () ->
                new IndexedFace("t", "p", MODEL, new float[] {1, Float.POSITIVE_INFINITY, 0}, null))
        .isInstanceOf(InvalidFaceException.class);
    assertThatThrownBy(() -> new IndexedFace("t", "p", MODEL, new float[3], null))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("no direction");
    assertThatThrownBy(() -> new IndexedFace("t", "p", MODEL, null, null))
        .isInstanceOf(InvalidFaceException.class);
  }

  @Test
  void refusesMissingIdsAndMalformedTags() {
    float[] v = {1, 0, 0};
    assertThatThrownBy(() -> new IndexedFace(" ", "p", MODEL, v, null))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("template id");
    assertThatThrownBy(() -> new IndexedFace("t", null, MODEL, v, null))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("person id");
    assertThatThrownBy(() -> new IndexedFace("t", "p", MODEL, v, Map.of("Site.x", "hq")))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("tag key");
    assertThatThrownBy(() -> new IndexedFace("t", "p", MODEL, v, Map.of("site", " ")))
        .isInstanceOf(InvalidFaceException.class);
  }

  @Test
  void modelNamesAreSafeForIndexAndFolderNames() {
    assertThat(new FaceModel("dlib-resnet29", "1", 128).slug()).isEqualTo("dlib-resnet29-v1");
    assertThat(new FaceModel("dlib-resnet29", "1", 128).key()).isEqualTo("dlib-resnet29@1");
    assertThatThrownBy(() -> new FaceModel("Dlib/../x", "1", 128))
        .isInstanceOf(InvalidFaceException.class);
    assertThatThrownBy(() -> new FaceModel("m", "1", 0)).isInstanceOf(InvalidFaceException.class);
  }
}
