/**
 * MTCNN training samples cut from annotated photos: square crops labelled by their IoU with the
 * nearest true face ({@link dev.facegate.models.training.mining.SampleKind}), box-regression and
 * landmark targets relative to the crop ({@link
 * dev.facegate.models.training.mining.RegressionTargets}), class balancing, hard negatives from the
 * previous stage, and the on-disk dataset ({@link
 * dev.facegate.models.training.mining.SampleDataset}).
 */
package dev.facegate.models.training.mining;
