package dev.facegate.index.control;

import static dev.facegate.index.control.Faces.MODEL;
import static dev.facegate.index.control.Faces.face;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.TagFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded Lucene index, plus what only a local folder can show. */
class LuceneFaceIndexTest extends FaceIndexContract {

  @TempDir Path folder;

  @Override
  protected FaceIndexBackend newIndex() {
    return LuceneFaceIndex.open(LuceneSettings.of(folder, MODEL));
  }

  @Test
  void contentSurvivesARestart() {
    float[] v = faces.vector();
    index.upsert(List.of(face("t1").person("p1").vector(v).tag("site", "hq").build()));
    index.close();

    index = LuceneFaceIndex.open(LuceneSettings.of(folder, MODEL));

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.nearest(MODEL, v, 1, TagFilter.of("site", "hq")))
        .extracting(FaceMatch::templateId)
        .containsExactly("t1");
  }

  @Test
  void rebuiltContentSurvivesARestart() {
    index.upsert(List.of(face("old").vector(faces.vector()).build()));
    index.rebuild(Stream.of(face("new").vector(faces.vector()).build()));
    index.close();

    index = LuceneFaceIndex.open(LuceneSettings.of(folder, MODEL));

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.nearest(MODEL, faces.vector(), 5, TagFilter.NONE))
        .extracting(FaceMatch::templateId)
        .containsExactly("new");
  }

  @Test
  void aSecondIndexOnTheSameFolderIsRefusedClearly() {
    assertThatThrownBy(() -> LuceneFaceIndex.open(LuceneSettings.of(folder, MODEL)))
        .isInstanceOf(IndexUnavailableException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void anotherModelVersionGetsItsOwnEmptyIndex() {
    index.upsert(List.of(face("t1").vector(faces.vector()).build()));

    try (FaceIndexBackend other =
        LuceneFaceIndex.open(LuceneSettings.of(folder, Faces.OTHER_VERSION))) {
      assertThat(other.count()).isZero();
    }
    assertThat(index.count()).isEqualTo(1);
  }
}
