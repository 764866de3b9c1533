/**
 * The face pipeline as plain Java on DJL: detection (MTCNN), alignment, embedding, comparison and
 * evaluation. Nothing here depends on Jakarta EE, so the same code runs in the server and the CLI.
 */
package dev.facegate.models;
