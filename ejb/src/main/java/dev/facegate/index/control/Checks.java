package dev.facegate.index.control;

import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.FaceVectors;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.InvalidFaceException;
import dev.facegate.index.entity.TagFilter;
import java.util.Collection;
import java.util.List;

/** Input checks every backend applies before it touches its store. */
final class Checks {

  /** Upper bound of {@code k}; a face lookup never needs more. */
  static final int MAX_K = 1000;

  private Checks() {}

  static IndexedFace face(IndexedFace face, FaceModel served) {
    if (face == null) {
      throw new InvalidFaceException("face is required");
    }
    model(face.model(), served);
    return face;
  }

  static List<IndexedFace> faces(Collection<IndexedFace> faces, FaceModel served) {
    if (faces == null) {
      throw new InvalidFaceException("faces are required");
    }
    List<IndexedFace> copy = List.copyOf(faces);
    copy.forEach(face -> face(face, served));
    return copy;
  }

  static float[] query(FaceModel model, float[] vector, int k, TagFilter filter, FaceModel served) {
    model(model, served);
    if (k < 1 || k > MAX_K) {
      throw new InvalidFaceException("k must be in 1.." + MAX_K + ", got " + k);
    }
    if (filter == null) {
      throw new InvalidFaceException("filter is required (TagFilter.NONE for none)");
    }
    return FaceVectors.checkedCopy(vector, served);
  }

  static String id(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new InvalidFaceException(what + " is required");
    }
    return id;
  }

  private static void model(FaceModel model, FaceModel served) {
    if (!served.equals(model)) {
      throw new InvalidFaceException(
          "this index serves model "
              + served.key()
              + " ("
              + served.dimensions()
              + " dims), not "
              + (model == null ? "null" : model.key() + " (" + model.dimensions() + " dims)"));
    }
  }
}
