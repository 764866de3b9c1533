package dev.facegate.faces.control;

import dev.facegate.faces.boundary.FaceAnalysisRemote;
import dev.facegate.faces.entity.EngineIdentity;
import dev.facegate.faces.entity.PhotoAnalysis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A stand-in for the EJB client's proxy: answers (or failures) scripted per call, and every answer
 * passed through Java serialisation as the remoting marshaller would, so records that do not
 * survive the wire fail here.
 */
public final class ScriptedInferenceNode implements FaceAnalysisRemote {

  private final Deque<Supplier<PhotoAnalysis>> script = new ArrayDeque<>();
  private int calls;
  private RuntimeException identityFailure;

  /** The next call answers this analysis. */
  public ScriptedInferenceNode answers(PhotoAnalysis analysis) {
    script.add(() -> analysis);
    return this;
  }

  /** The next call fails with this exception (as the proxy would throw it). */
  public ScriptedInferenceNode fails(RuntimeException failure) {
    script.add(
        () -> {
          throw failure;
        });
    return this;
  }

  /** The identity call fails with this exception from now on. */
  public ScriptedInferenceNode identityFails(RuntimeException failure) {
    identityFailure = failure;
    return this;
  }

  public int calls() {
    return calls;
  }

  @Override
  public PhotoAnalysis analyse(byte[] photo, int maxFaces) {
    return next();
  }

  @Override
  public PhotoAnalysis analyseWithThumbnail(byte[] photo) {
    return next();
  }

  @Override
  public List<PhotoAnalysis> analyseAll(List<byte[]> photos, int maxFaces) {
    return photos.stream().map(photo -> next()).toList();
  }

  @Override
  public EngineIdentity identity() {
    if (identityFailure != null) {
      throw identityFailure;
    }
    return overTheWire(new EngineIdentity("inference-1", "model", "1"));
  }

  private PhotoAnalysis next() {
    calls++;
    if (script.isEmpty()) {
      throw new IllegalStateException("no answer scripted for call " + calls);
    }
    return overTheWire(script.removeFirst().get());
  }

  /** Serialises and deserialises, as the EJB client's marshalling does. */
  @SuppressWarnings("unchecked")
  public static <T extends Serializable> T overTheWire(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
