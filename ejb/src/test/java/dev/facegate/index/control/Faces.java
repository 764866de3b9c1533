package dev.facegate.index.control;

import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexedFace;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Test data builder for faces and vectors. */
final class Faces {

  static final FaceModel MODEL = new FaceModel("test-embedder", "1", 16);
  static final FaceModel OTHER_VERSION = new FaceModel("test-embedder", "2", 16);

  private final Random random;

  Faces(long seed) {
    this.random = new Random(seed);
  }

  /** A random unit vector of {@link #MODEL}'s dimension. */
  float[] vector() {
    float[] v = new float[MODEL.dimensions()];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  /** {@code base} moved a little in a random direction: the same face seen again. */
  float[] near(float[] base, double noise) {
    float[] v = base.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] += (float) (random.nextGaussian() * noise);
    }
    return v;
  }

  static Builder face(String templateId) {
    return new Builder(templateId);
  }

  static final class Builder {
    private final String templateId;
    private String personId = "person-1";
    private FaceModel model = MODEL;
    private float[] vector;
    private final Map<String, String> tags = new HashMap<>();

    private Builder(String templateId) {
      this.templateId = templateId;
    }

    Builder person(String personId) {
      this.personId = personId;
      return this;
    }

    Builder model(FaceModel model) {
      this.model = model;
      return this;
    }

    Builder vector(float[] vector) {
      this.vector = vector;
      return this;
    }

    Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    IndexedFace build() {
      return new IndexedFace(templateId, personId, model, vector, tags);
    }
  }
}
