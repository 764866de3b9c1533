package dev.facegate.index.control;

import static dev.facegate.index.control.Faces.MODEL;
import static dev.facegate.index.control.Faces.face;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceVectors;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.InvalidFaceException;
import dev.facegate.index.entity.TagFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FaceIndexBackend} must have. Each implementation's test extends this
 * class and supplies a fresh, empty index per test.
 */
abstract class FaceIndexContract {

  /** A new, empty index serving {@link Faces#MODEL}. */
  protected abstract FaceIndexBackend newIndex();

  /** Removes what {@link #newIndex()} created, after the index was closed. */
  protected void dispose() {}

  /** Tolerance of returned similarities against exact cosine. */
  protected double similarityTolerance() {
    return 1e-3;
  }

  protected FaceIndexBackend index;
  protected final Faces faces = new Faces(42);

  @BeforeEach
  void openIndex() {
    index = newIndex();
  }

  @AfterEach
  void closeIndex() {
    index.close();
    dispose();
  }

  @Test
  void emptyIndexFindsNothing() {
    assertThat(index.count()).isZero();
    assertThat(index.nearest(MODEL, faces.vector(), 5, TagFilter.NONE)).isEmpty();
  }

  @Test
  void justUpsertedFaceIsFoundByTheNextSearch() {
    float[] alice = faces.vector();
    index.upsert(List.of(face("t-alice").person("alice").vector(alice).build()));

    List<FaceMatch> matches = index.nearest(MODEL, faces.near(alice, 0.01), 1, TagFilter.NONE);

    assertThat(matches).hasSize(1);
    assertThat(matches.get(0).templateId()).isEqualTo("t-alice");
    assertThat(matches.get(0).personId()).isEqualTo("alice");
    assertThat(matches.get(0).similarity()).isGreaterThan(0.95);
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void nearestReturnsTheKMostSimilarBestFirstWithCosineSimilarity() {
    List<IndexedFace> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(face("t" + i).person("p" + i % 7).vector(faces.vector()).build());
    }
    index.upsert(all);
    float[] probe = faces.vector();

    List<FaceMatch> matches = index.nearest(MODEL, probe, 5, TagFilter.NONE);

    List<IndexedFace> exact =
        all.stream()
            .sorted(
                Comparator.comparingDouble(
                    (IndexedFace f) -> -FaceVectors.cosine(probe, f.vector())))
            .limit(5)
            .toList();
    assertThat(matches)
        .extracting(FaceMatch::templateId)
        .containsExactlyElementsOf(exact.stream().map(IndexedFace::templateId).toList());
    for (int i = 0; i < 5; i++) {
      assertThat(matches.get(i).similarity())
          .isCloseTo(
              FaceVectors.cosine(probe, exact.get(i).vector()), within(similarityTolerance()));
      assertThat(matches.get(i).personId()).isEqualTo(exact.get(i).personId());
    }
  }

  @Test
  void upsertReplacesTheTemplateWithTheSameId() {
    float[] before = faces.vector();
    float[] after = faces.vector();
    index.upsert(List.of(face("t1").person("bob").vector(before).build()));
    index.upsert(List.of(face("t1").person("carol").vector(after).build()));

    assertThat(index.count()).isEqualTo(1);
    FaceMatch match = index.nearest(MODEL, after, 1, TagFilter.NONE).get(0);
    assertThat(match.personId()).isEqualTo("carol");
    assertThat(match.similarity()).isCloseTo(1.0, within(similarityTolerance()));
  }

  @Test
  void tagFilterRestrictsTheSearchToMatchingTemplates() {
    float[] probe = faces.vector();
    index.upsert(
        List.of(
            face("hq-sales").vector(probe).tag("site", "hq").tag("department", "sales").build(),
            face("hq-it")
                .vector(faces.near(probe, 0.05))
                .tag("site", "hq")
                .tag("department", "it")
                .build(),
            face("plant-it")
                .vector(faces.near(probe, 0.02))
                .tag("site", "plant")
                .tag("department", "it")
                .build()));

    assertThat(index.nearest(MODEL, probe, 10, TagFilter.of("site", "hq")))
        .extracting(FaceMatch::templateId)
        .containsExactlyInAnyOrder("hq-sales", "hq-it");
    assertThat(index.nearest(MODEL, probe, 10, TagFilter.of("site", "hq").and("department", "it")))
        .extracting(FaceMatch::templateId)
        .containsExactly("hq-it");
    assertThat(index.nearest(MODEL, probe, 10, TagFilter.of("site", "nowhere"))).isEmpty();
  }

  @Test
  void deleteTemplateRemovesOnlyThatTemplate() {
    float[] v = faces.vector();
    index.upsert(
        List.of(face("keep").vector(faces.vector()).build(), face("drop").vector(v).build()));

    assertThat(index.deleteTemplate("drop")).isTrue();
    assertThat(index.deleteTemplate("drop")).isFalse();
    assertThat(index.deleteTemplate("never-indexed")).isFalse();

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.nearest(MODEL, v, 5, TagFilter.NONE))
        .extracting(FaceMatch::templateId)
        .containsExactly("keep");
  }

  @Test
  void deletePersonRemovesAllTemplatesOfThatPerson() {
    index.upsert(
        List.of(
            face("a1").person("anna").vector(faces.vector()).build(),
            face("a2").person("anna").vector(faces.vector()).build(),
            face("a3").person("anna").vector(faces.vector()).build(),
            face("b1").person("ben").vector(faces.vector()).build()));

    assertThat(index.deletePerson("anna")).isEqualTo(3);
    assertThat(index.deletePerson("anna")).isZero();

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.nearest(MODEL, faces.vector(), 10, TagFilter.NONE))
        .extracting(FaceMatch::personId)
        .containsOnly("ben");
  }

  @Test
  void rebuildReplacesTheContent() {
    index.upsert(List.of(face("old").vector(faces.vector()).build()));
    float[] fresh = faces.vector();

    long indexed =
        index.rebuild(
            Stream.of(
                face("new-1").person("n").vector(fresh).build(),
                face("new-2").person("n").vector(faces.vector()).build()));

    assertThat(indexed).isEqualTo(2);
    assertThat(index.count()).isEqualTo(2);
    assertThat(index.nearest(MODEL, fresh, 10, TagFilter.NONE))
        .extracting(FaceMatch::templateId)
        .containsExactlyInAnyOrder("new-1", "new-2");
    // the index stays writable after a rebuild
    index.upsert(List.of(face("after").vector(faces.vector()).build()));
    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void searchesDuringARebuildStillAnswerFromTheOldContent() {
    float[] old = faces.vector();
    index.upsert(List.of(face("old").person("o").vector(old).build()));
    AtomicInteger searchedMidway = new AtomicInteger();

    // the source runs a search halfway through, while the new content is incomplete
    Stream<IndexedFace> source =
        IntStream.range(0, 50)
            .mapToObj(
                i -> {
                  if (i == 25) {
                    assertThat(index.nearest(MODEL, old, 1, TagFilter.NONE))
                        .extracting(FaceMatch::templateId)
                        .containsExactly("old");
                    assertThat(index.count()).isEqualTo(1);
                    searchedMidway.incrementAndGet();
                  }
                  return face("new-" + i).vector(faces.vector()).build();
                });

    assertThat(index.rebuild(source)).isEqualTo(50);
    assertThat(searchedMidway).hasValue(1);
    assertThat(index.count()).isEqualTo(50);
  }

  @Test
  void aFailingRebuildKeepsTheOldContent() {
    float[] old = faces.vector();
    index.upsert(List.of(face("old").vector(old).build()));
    Stream<IndexedFace> source =
        Stream.of(
            face("new-1").vector(faces.vector()).build(),
            face("wrong-model").model(Faces.OTHER_VERSION).vector(faces.vector()).build());

    assertThatThrownBy(() -> index.rebuild(source)).isInstanceOf(InvalidFaceException.class);

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.nearest(MODEL, old, 5, TagFilter.NONE))
        .extracting(FaceMatch::templateId)
        .containsExactly("old");
  }

  @Test
  void badInputIsRefusedAndWritesNothing() {
    index.upsert(List.of(face("existing").vector(faces.vector()).build()));
    IndexedFace good = face("good").vector(faces.vector()).build();
    IndexedFace otherVersion =
        face("other-version").model(Faces.OTHER_VERSION).vector(faces.vector()).build();

    // a batch with one face of an unknown model version writes none of them
    assertThatThrownBy(() -> index.upsert(List.of(good, otherVersion)))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("test-embedder@2");
    // query vectors are checked like indexed ones
    assertThatThrownBy(() -> index.nearest(MODEL, new float[3], 1, TagFilter.NONE))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("3 dimensions");
    float[] nan = faces.vector();
    nan[2] = Float.NaN;
    assertThatThrownBy(() -> index.nearest(MODEL, nan, 1, TagFilter.NONE))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> index.nearest(MODEL, new float[MODEL.dimensions()], 1, TagFilter.NONE))
        .isInstanceOf(InvalidFaceException.class)
        .hasMessageContaining("no direction");
    assertThatThrownBy(() -> index.nearest(Faces.OTHER_VERSION, faces.vector(), 1, TagFilter.NONE))
        .isInstanceOf(InvalidFaceException.class);
    assertThatThrownBy(() -> index.nearest(MODEL, faces.vector(), 0, TagFilter.NONE))
        .isInstanceOf(InvalidFaceException.class);

    assertThat(index.count()).isEqualTo(1);
    assertThat(index.nearest(MODEL, good.vector(), 5, TagFilter.NONE))
        .extracting(FaceMatch::templateId)
        .containsExactly("existing");
  }

  @Test
  void concurrentWritesAndSearchesAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int writer = 0; writer < 2; writer++) {
        int w = writer;
        work.add(
            pool.submit(
                () -> {
                  Faces own = new Faces(w);
                  for (int i = 0; i < 10; i++) {
                    index.upsert(List.of(face("w" + w + "-" + i).vector(own.vector()).build()));
                  }
                }));
      }
      for (int reader = 0; reader < 2; reader++) {
        int r = reader;
        work.add(
            pool.submit(
                () -> {
                  Faces own = new Faces(100 + r);
                  for (int i = 0; i < 20; i++) {
                    assertThat(index.nearest(MODEL, own.vector(), 3, TagFilter.NONE))
                        .hasSizeLessThanOrEqualTo(3);
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.count()).isEqualTo(20);
  }
}
