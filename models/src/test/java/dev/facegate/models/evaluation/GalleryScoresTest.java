package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.comparison.Similarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GalleryScoresTest {

  @Test
  void genuineAndImpostorPairsOfATinyGallery() {
    // A: 0 deg and (0.6, 0.8); B: 90 deg and 180 deg. Cosines by hand:
    // genuine A 0.6, B 0; impostor 0, -1, 0.8, -0.6.
    List<List<float[]>> gallery =
        List.of(
            List.of(new float[] {1, 0}, new float[] {0.6f, 0.8f}),
            List.of(new float[] {0, 1}, new float[] {-1, 0}),
            List.of());
    GalleryScores s = GalleryScores.compute(gallery, 100, 1);

    assertThat(sorted(s.genuine())).containsExactly(new double[] {0, 0.6}, within(1e-6));
    assertThat(sorted(s.impostor())).containsExactly(new double[] {-1, -0.6, 0, 0.8}, within(1e-6));
    assertThat(s.people()).isEqualTo(2); // the empty person is ignored
    assertThat(s.peopleWithTwoTemplates()).isEqualTo(2);
    assertThat(s.templates()).isEqualTo(4);
    assertThat(s.genuinePairs()).isEqualTo(2);
    assertThat(s.impostorPairsTotal()).isEqualTo(4);
    assertThat(s.impostorPairsUsed()).isEqualTo(4);
    assertThat(s.sampled()).isFalse();
  }

  @Test
  void samplesDistinctImpostorPairsReproduciblyWithASeed() {
    List<List<float[]>> gallery = randomGallery(3, 2, 8, 11); // C(6,2) - 3 = 12 impostor pairs
    GalleryScores all = GalleryScores.compute(gallery, 12, 7);
    assertThat(all.sampled()).isFalse();
    assertThat(all.impostorPairsUsed()).isEqualTo(12);

    GalleryScores sample = GalleryScores.compute(gallery, 5, 7);
    assertThat(sample.sampled()).isTrue();
    assertThat(sample.seed()).isEqualTo(7);
    assertThat(sample.impostorPairsTotal()).isEqualTo(12);
    assertThat(sample.impostorPairsUsed()).isEqualTo(5);
    Set<Double> population = new TreeSet<>();
    Arrays.stream(all.impostor()).forEach(population::add);
    assertThat(population).hasSize(12); // random vectors: all cosines differ
    Set<Double> drawn = new TreeSet<>();
    Arrays.stream(sample.impostor()).forEach(drawn::add);
    assertThat(drawn).hasSize(5).isSubsetOf(population); // distinct pairs, all real impostors
    // Genuine pairs are never sampled.
    assertThat(sorted(sample.genuine())).containsExactly(sorted(all.genuine()));

    GalleryScores again = GalleryScores.compute(gallery, 5, 7);
    assertThat(again.impostor()).containsExactly(sample.impostor());
  }

  @Test
  void aSampleHasTheMeanOfAllPairsWithinSamplingError() {
    List<List<float[]>> gallery = randomGallery(40, 5, 16, 3); // 19,500 impostor pairs
    GalleryScores all = GalleryScores.compute(gallery, Long.MAX_VALUE, 1);
    GalleryScores sample = GalleryScores.compute(gallery, 2_000, 1);
    double mean = Arrays.stream(all.impostor()).average().orElseThrow();
    double std = ScoreSummary.of(all.impostor()).std();
    double sampleMean = Arrays.stream(sample.impostor()).average().orElseThrow();
    // Standard error std / sqrt(2000); 6 of them is far beyond chance, a biased sampler is not.
    assertThat(sampleMean).isCloseTo(mean, within(6 * std / Math.sqrt(2000)));
  }

  @Test
  void scoresAreTheSimilarityOfTheModel() {
    List<List<float[]>> gallery = randomGallery(2, 1, 4, 5);
    GalleryScores s = GalleryScores.compute(gallery, 10, 1);
    assertThat(s.impostor()[0])
        .isEqualTo(Similarity.cosine(gallery.get(0).get(0), gallery.get(1).get(0)));
    assertThat(s.genuinePairs()).isZero();
    assertThat(s.peopleWithTwoTemplates()).isZero();
  }

  @Test
  void refusesANonPositiveSampleSize() {
    assertThatThrownBy(() -> GalleryScores.compute(List.of(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double[] sorted(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c;
  }

  private static List<List<float[]>> randomGallery(int people, int each, int dim, long seed) {
    Random r = new Random(seed);
    List<List<float[]>> gallery = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      List<float[]> templates = new ArrayList<>();
      for (int t = 0; t < each; t++) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
          v[i] = (float) r.nextGaussian();
          norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
          v[i] /= (float) Math.sqrt(norm);
        }
        templates.add(v);
      }
      gallery.add(templates);
    }
    return gallery;
  }
}
