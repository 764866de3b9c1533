package dev.facegate.models.cli;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import dev.facegate.models.detection.MtcnnBlocks;
import dev.facegate.models.training.HeadTrainer;
import dev.facegate.models.training.LossCurvePlot;
import dev.facegate.models.training.PnetTrainer;
import dev.facegate.models.training.TrainedParameters;
import dev.facegate.models.training.mining.SampleDataset;
import dev.facegate.models.weights.PackagedWeights;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code train-pnet}: trains P-Net from scratch on a mined 12 x 12 dataset and compares its recall
 * and precision on held-back crops with the shipped P-Net's.
 */
final class TrainPnetCommand implements Command {

  @Override
  public String name() {
    return "train-pnet";
  }

  @Override
  public String usage() {
    return "train-pnet --train DIR --test DIR [options]   train P-Net from scratch on mined 12x12"
        + " crops, compare with the shipped P-Net on held-back crops\n"
        + "  --train DIR, --test DIR   datasets written by mine-samples --size 12\n"
        + "  --out DIR            pnet.params, loss curve (default target/training/pnet)\n"
        + "  --epochs N           passes over the training crops (default 30)\n"
        + "  --batch N            crops per step (default 64)\n"
        + "  --lr F               Adam learning rate (default 0.001)\n"
        + "  --threshold F        face probability counted as a detection (default 0.6, the\n"
        + "                       detector's P-Net threshold)\n"
        + "  --seed N             seed (default 1)\n"
        + "  --engine NAME        DJL engine (default MXNet)\n";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Path trainDir =
        args.option("train")
            .map(Path::of)
            .orElseThrow(() -> new UsageException("--train DIR is required"));
    Path testDir =
        args.option("test")
            .map(Path::of)
            .orElseThrow(() -> new UsageException("--test DIR is required"));
    Path outDir = Path.of(args.option("out").orElse("target/training/pnet"));
    int epochs = args.intOption("epochs", 30);
    int batch = args.intOption("batch", 64);
    float lr = (float) args.doubleOption("lr", 1e-3);
    float threshold = (float) args.doubleOption("threshold", 0.6);
    int seed = args.intOption("seed", 1);
    String engine = DetectorOptions.engine(args);
    args.checkAllUsed();
    if (epochs < 1 || batch < 2) {
      throw new UsageException("--epochs must be >= 1 and --batch >= 2");
    }
    PnetTrainer.Samples train = PnetTrainer.load(SampleDataset.read(trainDir));
    PnetTrainer.Samples test = PnetTrainer.load(SampleDataset.read(testDir));
    err.printf("%d training crops, %d held-back crops%n", train.size(), test.size());
    try (Model trained =
            Model.newInstance("pnet-trained", Engine.getEngine(engine).defaultDevice(), engine);
        Model shipped =
            Model.newInstance("pnet-shipped", Engine.getEngine(engine).defaultDevice(), engine)) {
      long t0 = System.nanoTime();
      HeadTrainer.Result r =
          PnetTrainer.train(
              trained.getNDManager(),
              train,
              epochs,
              batch,
              lr,
              seed,
              e -> err.printf("epoch %d / %d%n", e, epochs));
      double seconds = (System.nanoTime() - t0) / 1e9;
      trained.setBlock(r.head());
      TrainedParameters.save(r.head(), outDir.resolve("pnet.params"));
      LossCurvePlot.write(
          r.lossCurve(),
          "P-Net from scratch, " + train.size() + " crops, " + epochs + " epochs",
          outDir.resolve("loss-pnet.png"));
      Block reference = MtcnnBlocks.pnet();
      MtcnnBlocks.loadWeights(
          reference, MtcnnBlocks.Stage.PNET, PackagedWeights.MTCNN.load(), shipped.getNDManager());
      shipped.setBlock(reference);
      out.printf(
          Locale.ROOT,
          "held-back crops: %d faces, %d non-faces; threshold %.2f; training took %.1f s%n",
          count(test, 1),
          count(test, 0),
          threshold,
          seconds);
      out.println("| P-Net | recall | precision | false positives | box error (crop sides) |");
      out.println("|---|---|---|---|---|");
      row(
          out,
          "trained from scratch",
          PnetTrainer.evaluate(r.head(), trained.getNDManager(), test, threshold));
      row(
          out,
          "shipped (MTCNN)",
          PnetTrainer.evaluate(reference, shipped.getNDManager(), test, threshold));
    }
    err.println("wrote " + outDir.resolve("pnet.params"));
    return 0;
  }

  private static int count(PnetTrainer.Samples s, float label) {
    int n = 0;
    for (float f : s.face()) {
      n += f == label ? 1 : 0;
    }
    return n;
  }

  private static void row(PrintStream out, String name, PnetTrainer.Figures f) {
    out.printf(
        Locale.ROOT,
        "| %s | %.3f (%d / %d) | %.3f | %d / %d | %.3f |%n",
        name,
        f.recall(),
        f.truePositives(),
        f.faces(),
        f.precision(),
        f.falsePositives(),
        f.nonFaces(),
        f.boxError());
  }
}
