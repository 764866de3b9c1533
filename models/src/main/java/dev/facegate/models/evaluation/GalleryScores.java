package dev.facegate.models.evaluation;

import dev.facegate.models.comparison.Similarity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Genuine and impostor cosine scores of an enrolled gallery: every pair of templates of the same
 * person (genuine) and pairs of templates of different people (impostor).
 *
 * <p>Impostor pairs grow with the square of the gallery (20,000 templates give 200 million): when
 * there are more than the allowed number, that many <em>distinct</em> pairs are drawn uniformly at
 * random from all cross-person pairs with a seeded generator, so the same gallery in the same order
 * and the same seed give the same sample. {@link #impostorPairsUsed()} and {@link
 * #impostorPairsTotal()} say how many were used out of how many. Genuine pairs are always all used
 * (they grow only with the templates per person).
 */
public final class GalleryScores {

  /** Default number of impostor pairs above which they are sampled. */
  public static final long DEFAULT_MAX_IMPOSTOR_PAIRS = 1_000_000;

  /** Default seed of the impostor sample. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Fewest people with at least {@link #MIN_TEMPLATES_PER_PERSON} templates for an estimate worth
   * acting on; below it the figures are shown as unreliable.
   */
  public static final int MIN_PEOPLE = 20;

  /** Templates a person needs to contribute genuine pairs. */
  public static final int MIN_TEMPLATES_PER_PERSON = 2;

  private final double[] genuine;
  private final double[] impostor;
  private final int people;
  private final int templates;
  private final int peopleWithTwoTemplates;
  private final long impostorPairsTotal;
  private final boolean sampled;
  private final long seed;

  private GalleryScores(
      double[] genuine,
      double[] impostor,
      int people,
      int templates,
      int peopleWithTwoTemplates,
      long impostorPairsTotal,
      boolean sampled,
      long seed) {
    this.genuine = genuine;
    this.impostor = impostor;
    this.people = people;
    this.templates = templates;
    this.peopleWithTwoTemplates = peopleWithTwoTemplates;
    this.impostorPairsTotal = impostorPairsTotal;
    this.sampled = sampled;
    this.seed = seed;
  }

  /**
   * Scores a gallery.
   *
   * @param gallery one list of template vectors per person (people without templates are ignored);
   *     the order matters only for which pairs a seeded sample draws
   * @param maxImpostorPairs use every impostor pair up to this many, otherwise a sample of this
   *     size
   * @param seed seed of the sample
   * @return the scores
   */
  public static GalleryScores compute(
      List<? extends List<float[]>> gallery, long maxImpostorPairs, long seed) {
    Objects.requireNonNull(gallery, "gallery is required");
    if (maxImpostorPairs < 1) {
      throw new IllegalArgumentException("maxImpostorPairs must be at least 1");
    }
    List<float[]> vectors = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    int people = 0;
    int withTwo = 0;
    long genuineCount = 0;
    for (List<float[]> person : gallery) {
      if (person.isEmpty()) {
        continue;
      }
      for (float[] v : person) {
        vectors.add(Objects.requireNonNull(v, "template vector is required"));
        owner.add(people);
      }
      genuineCount += pairs(person.size());
      if (person.size() >= MIN_TEMPLATES_PER_PERSON) {
        withTwo++;
      }
      people++;
    }
    if (genuineCount > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many genuine pairs: " + genuineCount);
    }
    int n = vectors.size();
    int[] personOf = owner.stream().mapToInt(Integer::intValue).toArray();
    double[] genuine = new double[(int) genuineCount];
    int g = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n && personOf[j] == personOf[i]; j++) {
        genuine[g++] = Similarity.cosine(vectors.get(i), vectors.get(j));
      }
    }
    assert g == genuineCount : "templates of one person are contiguous";
    long impostorTotal = pairs(n) - genuineCount;
    double[] impostor;
    boolean sampled = impostorTotal > maxImpostorPairs;
    if (!sampled) {
      impostor = new double[(int) impostorTotal];
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (personOf[i] != personOf[j]) {
            impostor[k++] = Similarity.cosine(vectors.get(i), vectors.get(j));
          }
        }
      }
    } else {
      impostor = sample(vectors, personOf, (int) maxImpostorPairs, seed);
    }
    return new GalleryScores(genuine, impostor, people, n, withTwo, impostorTotal, sampled, seed);
  }

  /**
   * Draws {@code count} distinct cross-person pairs uniformly (rejection sampling of unordered
   * pairs), fewer than all of them by construction of the caller.
   */
  private static double[] sample(List<float[]> vectors, int[] personOf, int count, long seed) {
    int n = vectors.size();
    SplittableRandom random = new SplittableRandom(seed);
    Set<Long> drawn = new HashSet<>(count * 2);
    double[] scores = new double[count];
    int k = 0;
    while (k < count) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      if (a == b || personOf[a] == personOf[b]) {
        continue;
      }
      int i = Math.min(a, b);
      int j = Math.max(a, b);
      if (drawn.add((long) i * n + j)) {
        scores[k++] = Similarity.cosine(vectors.get(i), vectors.get(j));
      }
    }
    return scores;
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  /**
   * Scores of same-person pairs.
   *
   * @return a copy, in no particular order
   */
  public double[] genuine() {
    return genuine.clone();
  }

  /**
   * Scores of the different-person pairs used (all, or the sample).
   *
   * @return a copy, in no particular order
   */
  public double[] impostor() {
    return impostor.clone();
  }

  /**
   * People with at least one template.
   *
   * @return the count
   */
  public int people() {
    return people;
  }

  /**
   * People with at least two templates (the only ones that give genuine pairs).
   *
   * @return the count
   */
  public int peopleWithTwoTemplates() {
    return peopleWithTwoTemplates;
  }

  /**
   * Whether the gallery supports an estimate: at least {@link #MIN_PEOPLE} people with at least
   * {@link #MIN_TEMPLATES_PER_PERSON} templates each, and at least one impostor pair.
   *
   * @return {@code true} when the figures are worth acting on
   */
  public boolean reliable() {
    return peopleWithTwoTemplates >= MIN_PEOPLE && impostor.length > 0;
  }

  /**
   * Whether there is anything to compute: at least one genuine and one impostor pair.
   *
   * @return {@code true} when a {@link ScoreCalibration} can be built
   */
  public boolean scorable() {
    return genuine.length > 0 && impostor.length > 0;
  }

  /**
   * Templates in the gallery.
   *
   * @return the count
   */
  public int templates() {
    return templates;
  }

  /**
   * Genuine pairs (all are used).
   *
   * @return the count
   */
  public long genuinePairs() {
    return genuine.length;
  }

  /**
   * Impostor pairs the gallery has.
   *
   * @return the count
   */
  public long impostorPairsTotal() {
    return impostorPairsTotal;
  }

  /**
   * Impostor pairs scored: all of them, or the sample.
   *
   * @return the count
   */
  public long impostorPairsUsed() {
    return impostor.length;
  }

  /**
   * Whether the impostor pairs were sampled.
   *
   * @return {@code true} when fewer than all were used
   */
  public boolean sampled() {
    return sampled;
  }

  /**
   * The seed of the sample (meaningful only when {@link #sampled()}).
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }
}
