package dev.facegate.models.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityTest {

  private static final Random RANDOM = new Random(42);

  @Test
  void cosineAndEuclideanOrderPairsIdenticallyForNormalisedEmbeddings() {
    List<Embedding[]> pairs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      pairs.add(new Embedding[] {random(), random()});
    }
    // Also near-duplicates, where the two measures are most sensitive to rounding.
    Embedding base = random();
    for (int i = 0; i < 50; i++) {
      pairs.add(new Embedding[] {base, jitter(base, 0.01 * (i + 1))});
    }

    List<Embedding[]> byCosine = new ArrayList<>(pairs);
    byCosine.sort(Comparator.comparingDouble(p -> -Similarity.cosine(p[0], p[1])));
    List<Embedding[]> byDistance = new ArrayList<>(pairs);
    byDistance.sort(Comparator.comparingDouble(p -> Similarity.euclidean(p[0], p[1])));

    assertThat(byDistance).containsExactlyElementsOf(byCosine);
    for (Embedding[] p : pairs) {
      assertThat(Similarity.euclidean(p[0], p[1]))
          .isCloseTo(Similarity.distanceForCosine(Similarity.cosine(p[0], p[1])), within(1e-5));
    }
  }

  @Test
  void thresholdsConvertBothWays() {
    assertThat(Similarity.cosineForDistance(Similarity.distanceForCosine(0.91)))
        .isCloseTo(0.91, within(1e-12));
    assertThat(Similarity.distanceForCosine(1)).isZero();
    assertThat(Similarity.distanceForCosine(-1)).isCloseTo(2, within(1e-12));
  }

  @Test
  void comparisonAppliesTheThreshold() {
    Embedding a = random();
    Comparison self = Comparison.of(a, a, 0.9);
    assertThat(self.cosine()).isCloseTo(1, within(1e-6));
    assertThat(self.samePerson()).isTrue();
    assertThat(Comparison.of(a, random(), 0.9).samePerson()).isFalse();
  }

  @Test
  void embeddingsOfDifferentModelsAreNotCompared() {
    Embedding a = Embedding.normalised(new float[] {1, 0}, "m", "1");
    Embedding b = Embedding.normalised(new float[] {1, 0}, "m", "2");
    assertThatThrownBy(() -> Similarity.cosine(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different models");
  }

  private static Embedding random() {
    float[] v = new float[128];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) RANDOM.nextGaussian();
    }
    return Embedding.normalised(v, "test", "1");
  }

  private static Embedding jitter(Embedding e, double amount) {
    float[] v = e.vector();
    for (int i = 0; i < v.length; i++) {
      v[i] += (float) (amount * RANDOM.nextGaussian());
    }
    return Embedding.normalised(v, "test", "1");
  }
}
