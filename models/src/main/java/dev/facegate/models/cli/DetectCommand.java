package dev.facegate.models.cli;

import com.google.gson.Gson;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code detect IMAGE...}: prints the faces as JSON, {@code {"image", "faces": [{"box": [x, y, w,
 * h], "score", "landmarks": [[x, y] x5]}]}} for one image, an array of those for several.
 */
final class DetectCommand implements Command {

  @Override
  public String name() {
    return "detect";
  }

  @Override
  public String usage() {
    return "detect IMAGE... [--annotate DIR]   faces, boxes and landmarks as JSON\n"
        + "  --annotate DIR       also write IMAGE-NAME.faces.png with boxes and landmarks drawn\n"
        + DetectorOptions.USAGE;
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    List<String> images = args.positionals();
    if (images.isEmpty()) {
      throw new UsageException("no image given");
    }
    Path annotate = args.option("annotate").map(Path::of).orElse(null);
    try (DetectorOptions options = DetectorOptions.open(args)) {
      List<Map<String, Object>> results = new ArrayList<>();
      for (String image : images) {
        RgbImage rgb = options.decoder().decodeRgb(Path.of(image));
        List<FaceDetection> faces = options.detector().detect(rgb);
        results.add(toJson(image, faces));
        if (annotate != null) {
          Files.createDirectories(annotate);
          Path png = annotate.resolve(Path.of(image).getFileName() + ".faces.png");
          writeAnnotated(rgb, faces, png);
          err.println("wrote " + png);
        }
      }
      Object json = results.size() == 1 ? results.get(0) : results;
      out.println(new Gson().toJson(json));
    }
    return 0;
  }

  static Map<String, Object> toJson(String image, List<FaceDetection> faces) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (FaceDetection f : faces) {
      Map<String, Object> face = new LinkedHashMap<>();
      double[] box = f.box().toXywh();
      for (int i = 0; i < 4; i++) {
        box[i] = round(box[i]);
      }
      face.put("box", box);
      face.put("score", Math.round(f.score() * 1e6) / 1e6);
      List<double[]> points = new ArrayList<>();
      for (Point p : f.landmarks()) {
        points.add(new double[] {round(p.x()), round(p.y())});
      }
      face.put("landmarks", points);
      list.add(face);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("image", image);
    result.put("faces", list);
    return result;
  }

  /** Rounds to 0.01 px: finer digits carry no information and bloat the JSON. */
  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void writeAnnotated(RgbImage rgb, List<FaceDetection> faces, Path png)
      throws IOException {
    BufferedImage img = rgb.toBufferedImage();
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    float line = Math.max(2f, Math.min(img.getWidth(), img.getHeight()) / 300f);
    g.setStroke(new BasicStroke(line));
    Color[] colors = {Color.CYAN, Color.BLUE, Color.YELLOW, Color.MAGENTA, Color.RED};
    for (FaceDetection f : faces) {
      g.setColor(Color.GREEN);
      g.draw(new Rectangle2D.Double(f.box().x1(), f.box().y1(), f.box().width(), f.box().height()));
      g.drawString(
          String.format("%.3f", f.score()), (float) f.box().x1(), (float) f.box().y1() - 3);
      double r = Math.max(2, f.box().width() / 40);
      for (int i = 0; i < 5; i++) {
        Point p = f.landmarks().get(i);
        g.setColor(colors[i]);
        g.fill(new Ellipse2D.Double(p.x() - r, p.y() - r, 2 * r, 2 * r));
      }
    }
    g.dispose();
    if (!ImageIO.write(img, "png", png.toFile())) {
      throw new IOException("No PNG writer available");
    }
  }
}
