package dev.facegate.faces.boundary;

import dev.facegate.faces.control.InferenceClients;
import dev.facegate.faces.control.InferenceSettings;
import dev.facegate.faces.control.RemoteFaceAnalysis;
import dev.facegate.faces.entity.FaceEngineBusyException;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.observability.control.Stage;
import dev.facegate.observability.control.WorkMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Where the business components get faces analysed: in this server ({@link FaceAnalysis}) when no
 * inference node is configured, which is the local run and the tests, or on the inference nodes
 * through their remote interface ({@link FaceAnalysisRemote}) otherwise. Callers see the same
 * records and the same exceptions either way; a remote outage is {@link
 * dev.facegate.faces.entity.InferenceUnavailableException}, a {@link FaceEngineBusyException}.
 *
 * <p>No transaction: a caller's transaction is suspended around the call, so it is never carried to
 * an inference node (analysis writes nothing). Open to every caller: only other boundaries reach
 * it, and they carry the authorisation. On a remote portal the detect and embed stages are recorded
 * on the inference node; here the whole call is the {@code inference} stage.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class FaceEngine {

  @Inject FaceAnalysis local;

  @Inject InferenceSettings settings;

  @Inject WorkMetrics metrics;

  /** Present on a portal with inference nodes. */
  private Optional<RemoteFaceAnalysis> remote = Optional.empty();

  @PostConstruct
  void connect() {
    if (!settings.engineInProcess()) {
      connect(InferenceClients.proxies(settings.topology()));
    }
  }

  /**
   * Goes remote over proxies made with the call and the ping timeouts.
   *
   * @param proxies makes a proxy with the given invocation timeout (milliseconds)
   */
  void connect(LongFunction<FaceAnalysisRemote> proxies) {
    remote =
        Optional.of(
            new RemoteFaceAnalysis(
                proxies.apply(settings.callTimeoutMillis()),
                proxies.apply(settings.pingTimeoutMillis()),
                settings.retryAfterSeconds()));
  }

  /** Whether analyses leave this server. */
  public boolean isRemote() {
    return remote.isPresent();
  }

  /**
   * Analyses a photo, embedding nothing when more than {@code maxFaces} faces are found.
   *
   * @see FaceAnalysis#analyse(byte[], int)
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the engine is at its bound or no inference node answers
   */
  public PhotoAnalysis analyse(byte[] photo, int maxFaces) {
    return run(
        "analyse", engine -> engine.analyse(photo, maxFaces), () -> local.analyse(photo, maxFaces));
  }

  /**
   * Analyses a photo for the enrolment page: faces with their chips, and a thumbnail.
   *
   * @see FaceAnalysis#analyseWithThumbnail(byte[])
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the engine is at its bound or no inference node answers
   */
  public PhotoAnalysis analyseWithThumbnail(byte[] photo) {
    return run(
        "analyseWithThumbnail",
        engine -> engine.analyseWithThumbnail(photo),
        () -> local.analyseWithThumbnail(photo));
  }

  /**
   * Whether the face engine answers: on a portal with inference nodes, whether one of them answers
   * the cheap identity call within {@code facegate.inference.ping-timeout-ms}; in-process, always.
   */
  public boolean answers() {
    return remote.map(RemoteFaceAnalysis::answers).orElse(true);
  }

  /** The id of the embedding model every template and probe carries (the same on every node). */
  public String modelId() {
    return FaceEmbedder.MODEL_ID;
  }

  public String modelVersion() {
    return FaceEmbedder.MODEL_VERSION;
  }

  private PhotoAnalysis run(
      String what,
      Function<FaceAnalysisRemote, PhotoAnalysis> remoteCall,
      Supplier<PhotoAnalysis> localCall) {
    if (remote.isEmpty()) {
      return localCall.get();
    }
    long start = System.nanoTime();
    try {
      return remote.get().call(what, remoteCall);
    } finally {
      metrics.stage(Stage.INFERENCE, System.nanoTime() - start);
    }
  }
}
