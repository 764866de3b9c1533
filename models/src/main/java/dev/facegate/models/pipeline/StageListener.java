package dev.facegate.models.pipeline;

/**
 * Told how long each stage of {@link FacePipeline#process} took, so that a server can export the
 * time spent detecting and embedding without the library knowing about metrics.
 *
 * <p>Called on the thread that runs the pipeline, once per stage that ran: a photo without a face,
 * or with more faces than the pipeline embeds, reports {@link Stage#DETECT} only. It must be quick
 * and must not throw.
 */
@FunctionalInterface
public interface StageListener {

  /** The stages that are timed. */
  enum Stage {
    /** Face detection, including the padding the pipeline may add. */
    DETECT,
    /** Alignment, quality measurement and embedding of the detected faces. */
    EMBED
  }

  /** A listener that ignores every report (the default). */
  StageListener NONE = (stage, nanos) -> {};

  /**
   * Reports a finished stage.
   *
   * @param stage the stage
   * @param nanos its wall-clock duration in nanoseconds
   */
  void finished(Stage stage, long nanos);
}
