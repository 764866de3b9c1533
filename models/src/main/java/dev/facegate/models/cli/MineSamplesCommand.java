package dev.facegate.models.cli;

import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.evaluation.GroundTruthImage;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.training.mining.MinedSample;
import dev.facegate.models.training.mining.SampleDataset;
import dev.facegate.models.training.mining.SampleKind;
import dev.facegate.models.training.mining.SampleMiner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code mine-samples}: MTCNN training samples cut from annotated photos by IoU band, balanced,
 * written as an image-folder dataset (see {@link SampleDataset}).
 */
final class MineSamplesCommand implements Command {

  @Override
  public String name() {
    return "mine-samples";
  }

  @Override
  public String usage() {
    return "mine-samples (--imglab XML | --wider GT.txt --images DIR) --out DIR [options]"
        + "   MTCNN training crops by IoU band\n"
        + "  writes DIR/{negative,positive,part,landmark}/N.png, DIR/index.tsv, DIR/counts.tsv;\n"
        + "  prints the count per class\n"
        + "  --size 12|24|48      crop side: P-Net, R-Net or O-Net (default 12)\n"
        + "  --ratio N:P:T:L      negatives:positives:part:landmarks (default 3:1:1:2); a class\n"
        + "                       without any sample (no landmark annotations) is left out\n"
        + "  --negatives N        random negatives per photo (default 50)\n"
        + "  --crops-per-face N   shifted crops tried per face (default 20)\n"
        + "  --min-face-size N    smallest face side that gives positives (default 12)\n"
        + "  --seed N             random seed (default 1)\n"
        + "  --hard               (size 24 / 48) add the previous stage's candidates, labelled by\n"
        + "                       IoU: its false positives are the hard negatives; runs the\n"
        + "                       shipped P-Net (and R-Net for 48) with the detector options\n"
        + DetectorOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("hard");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument " + args.positionals().get(0));
    }
    List<GroundTruthImage> truth = DetectEvalCommand.readTruth(args);
    Path dir =
        args.option("out")
            .map(Path::of)
            .orElseThrow(() -> new UsageException("--out DIR is required"));
    int size = args.intOption("size", 12);
    if (size != 12 && size != 24 && size != 48) {
      throw new UsageException("--size must be 12, 24 or 48");
    }
    String[] r = args.option("ratio").orElse("3:1:1:2").split(":");
    if (r.length != 4) {
      throw new UsageException("--ratio needs four shares, e.g. 3:1:1:2");
    }
    SampleMiner miner;
    try {
      miner =
          SampleMiner.builder()
              .optRatio(share(r[0]), share(r[1]), share(r[2]), share(r[3]))
              .optNegativesPerImage(args.intOption("negatives", 50))
              .optCropsPerFace(args.intOption("crops-per-face", 20))
              .optMinFaceSize(args.intOption("min-face-size", 12))
              .optSeed(args.intOption("seed", 1))
              .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    boolean hard = args.flag("hard");
    if (hard && size == 12) {
      throw new UsageException("--hard is for R-Net (24) and O-Net (48) samples");
    }
    List<MinedSample> samples = new ArrayList<>();
    int hardCount = 0;
    int hardNegatives = 0;
    try (DetectorOptions options = hard ? DetectorOptions.open(args) : null) {
      if (!hard) {
        args.checkAllUsed();
      }
      for (GroundTruthImage g : truth) {
        RgbImage image = SampleDataset.readRgb(g.image());
        samples.addAll(miner.mine(g, image.width(), image.height()));
        if (hard) {
          Stage previous = size == 24 ? Stage.PNET : Stage.RNET;
          List<MinedSample> h =
              miner.fromProposals(
                  g, image.width(), image.height(), options.detector().candidates(image, previous));
          hardCount += h.size();
          hardNegatives += (int) h.stream().filter(x -> x.kind() == SampleKind.NEGATIVE).count();
          samples.addAll(h);
        }
      }
    }
    List<MinedSample> balanced = miner.balance(samples);
    Map<SampleKind, Integer> counts = SampleDataset.write(dir, size, balanced);
    err.printf(
        Locale.ROOT,
        "%d photos, %d samples mined (%d from the previous stage, %d of them hard negatives),"
            + " %d kept after balancing%n",
        truth.size(),
        samples.size(),
        hardCount,
        hardNegatives,
        balanced.size());
    counts.forEach((k, v) -> out.printf("%s\t%d%n", k.name().toLowerCase(Locale.ROOT), v));
    return balanced.isEmpty() ? 1 : 0;
  }

  private static int share(String s) throws UsageException {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--ratio shares must be whole numbers: " + s);
    }
  }
}
