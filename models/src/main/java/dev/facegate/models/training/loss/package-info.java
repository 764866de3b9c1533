/**
 * Metric-learning and margin losses as DJL {@link ai.djl.training.loss.Loss} classes.
 *
 * <p>Conventions shared by all of them: {@code labels.head()} holds integer class (identity)
 * indices of shape {@code (N)} in any numeric type; the losses are averaged over the batch (or, for
 * the pair losses, over the pairs or anchors that count), so the learning rate does not depend on
 * the batch size. Pair losses ({@link dev.facegate.models.training.loss.ContrastiveLoss}, {@link
 * dev.facegate.models.training.loss.TripletLoss}, {@link
 * dev.facegate.models.training.loss.CenterLoss}) take the embeddings {@code (N, D)} as {@code
 * predictions.head()}; margin losses ({@link dev.facegate.models.training.loss.MarginSoftmaxLoss}
 * and its subclasses) take the cosines {@code (N, C)} between the normalised embeddings and the
 * normalised class weights, as produced by {@link dev.facegate.models.training.CosineClassifier}.
 */
package dev.facegate.models.training.loss;
