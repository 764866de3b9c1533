/**
 * The training side of the face networks: small, CPU-sized training runs that adapt or explain the
 * shipped models. Losses are in {@link dev.facegate.models.training.loss}, MTCNN sample mining in
 * {@link dev.facegate.models.training.mining}; this package holds the blocks only training needs
 * ({@link dev.facegate.models.training.CosineClassifier}), the embedding head and the saving and
 * loading of trained parameters. Nothing here runs in the server.
 */
package dev.facegate.models.training;
