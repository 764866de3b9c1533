package dev.facegate.faces.boundary;

import dev.facegate.faces.entity.EngineIdentity;
import dev.facegate.faces.entity.FaceEngineBusyException;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import java.util.List;

/**
 * The face engine as an inference node serves it to portal nodes: the WildFly EJB client calls it
 * over HTTP remoting ({@code remote+http}), load-balanced over the inference nodes. Image bytes go
 * in, plain serialisable records come out (no DJL type). Every method is free of side effects, so a
 * call lost with a dying node may be repeated on another.
 *
 * <p>{@link UnreadableImageException} and {@link FaceEngineBusyException} are application
 * exceptions: they reach the portal as they were thrown, so a node at its bound answers a door with
 * the same 503 as an in-process engine.
 */
public interface FaceAnalysisRemote {

  /** The portable JNDI name's tail: {@code ejb:facegate/facegate-ejb/<this>}. */
  String BEAN_AND_VIEW = "InferenceService!dev.facegate.faces.boundary.FaceAnalysisRemote";

  /**
   * Decodes a JPEG or PNG, detects, aligns, measures and embeds its faces.
   *
   * @param photo the uploaded bytes
   * @param maxFaces the most faces the caller will use; none are embedded when more are found
   * @return the analysis, largest face first, without chips or thumbnail
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the node is at its bound; nothing was analysed
   */
  PhotoAnalysis analyse(byte[] photo, int maxFaces);

  /**
   * Like {@link #analyse}, for the enrolment page: every face with its aligned chip, and a small
   * upright thumbnail of the photo.
   *
   * @param photo the uploaded bytes
   * @return the analysis with chips and thumbnail
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the node is at its bound; nothing was analysed
   */
  PhotoAnalysis analyseWithThumbnail(byte[] photo);

  /**
   * Analyses several photos in one round trip (bulk work), each through the node's bound.
   *
   * @param photos the uploaded bytes of each photo
   * @param maxFaces the most faces the caller will use per photo
   * @return one analysis per photo, in order
   * @throws UnreadableImageException if a photo is not acceptable (its message names which)
   * @throws FaceEngineBusyException if the node is at its bound
   */
  List<PhotoAnalysis> analyseAll(List<byte[]> photos, int maxFaces);

  /**
   * The answering node and its model: a cheap call (no inference) for readiness checks.
   *
   * @return the node's identity
   */
  EngineIdentity identity();
}
