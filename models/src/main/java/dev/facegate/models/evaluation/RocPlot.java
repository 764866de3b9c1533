package dev.facegate.models.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a ROC curve as a PNG with a logarithmic FAR axis (1e-4 .. 1), where verification systems
 * differ; a linear axis squeezes every good curve into the top-left corner.
 */
public final class RocPlot {

  private static final int W = 640;
  private static final int H = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final double MIN_LOG = -4;

  private RocPlot() {}

  /**
   * Writes the plot.
   *
   * @param roc the curve
   * @param title the title line (e.g. the pair list and the AUC)
   * @param file the PNG to write
   * @throws IOException if the file cannot be written
   */
  public static void write(Roc roc, String title, Path file) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(new Color(225, 225, 225));
      for (int e = (int) MIN_LOG; e <= 0; e++) {
        int x = x(Math.pow(10, e));
        g.drawLine(x, TOP, x, H - BOTTOM);
      }
      for (int i = 0; i <= 10; i++) {
        int y = y(i / 10.0);
        g.drawLine(LEFT, y, W - RIGHT, y);
      }
      g.setColor(Color.BLACK);
      g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
      for (int e = (int) MIN_LOG; e <= 0; e++) {
        String label = e == 0 ? "1" : "1e" + e;
        g.drawString(label, x(Math.pow(10, e)) - 12, H - BOTTOM + 16);
      }
      for (int i = 0; i <= 10; i += 2) {
        g.drawString(String.format(Locale.ROOT, "%.1f", i / 10.0), LEFT - 30, y(i / 10.0) + 4);
      }
      g.drawString("false accept rate (log)", W / 2 - 60, H - 20);
      g.drawString("true accept rate", 8, TOP - 10);
      g.drawString(title, W - RIGHT - g.getFontMetrics().stringWidth(title), 20);
      Path2D curve = new Path2D.Double();
      List<Roc.Point> points = roc.points();
      boolean first = true;
      double lastTar = 0;
      for (Roc.Point p : points) {
        // Points left of the axis are drawn at its edge, as a vertical rise.
        double far = Math.max(p.far(), Math.pow(10, MIN_LOG));
        if (first) {
          curve.moveTo(x(far), y(p.tar()));
          first = false;
        } else {
          curve.lineTo(x(far), y(lastTar));
          curve.lineTo(x(far), y(p.tar()));
        }
        lastTar = p.tar();
      }
      g.setColor(new Color(20, 90, 200));
      g.setStroke(new BasicStroke(2f));
      g.draw(curve);
    } finally {
      g.dispose();
    }
    ImageIO.write(img, "png", file.toFile());
  }

  private static int x(double far) {
    double t = (Math.log10(far) - MIN_LOG) / -MIN_LOG;
    return LEFT + (int) Math.round(t * (W - LEFT - RIGHT));
  }

  private static int y(double tar) {
    return H - BOTTOM - (int) Math.round(tar * (H - TOP - BOTTOM));
  }
}
