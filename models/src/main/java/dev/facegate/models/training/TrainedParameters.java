package dev.facegate.models.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves and loads trained parameters in DJL's own block format ({@link Block#saveParameters}), so
 * that a trained P-Net or head loads into the very block the detector or embedder builds. The file
 * holds the parameter values of one block structure; loading it into another structure fails.
 */
public final class TrainedParameters {

  private TrainedParameters() {}

  /**
   * Writes the parameters of an initialised block.
   *
   * @param block the trained block
   * @param file the file to write (its folder is created)
   * @throws IOException if it cannot be written
   */
  public static void save(Block block, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      block.saveParameters(out);
    }
  }

  /**
   * Replaces the parameters of an initialised block with those saved from a block of the same
   * structure.
   *
   * @param block the block, initialised (its shapes known)
   * @param manager where the loaded arrays live
   * @param file a file written by {@link #save}
   * @throws IOException if it cannot be read or does not fit the block
   */
  public static void load(Block block, NDManager manager, Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException(file + " does not fit " + block.getClass().getSimpleName(), e);
    }
  }
}
