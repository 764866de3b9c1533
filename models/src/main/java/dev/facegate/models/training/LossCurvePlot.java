package dev.facegate.models.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a training loss curve as a PNG: the loss per step (light) and its moving average over 20
 * steps (dark), linear axes from 0 to the largest loss.
 */
public final class LossCurvePlot {

  private static final int W = 640;
  private static final int H = 400;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final int WINDOW = 20;

  private LossCurvePlot() {}

  /**
   * Writes the plot.
   *
   * @param loss the loss of each step; at least two finite values
   * @param title the title line
   * @param file the PNG to write
   * @throws IOException if the file cannot be written
   */
  public static void write(float[] loss, String title, Path file) throws IOException {
    if (loss.length < 2) {
      throw new IllegalArgumentException("a curve needs two steps");
    }
    double max = 0;
    for (float v : loss) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("the loss diverged: " + v);
      }
      max = Math.max(max, v);
    }
    max = max > 0 ? max : 1;
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(Color.BLACK);
      g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
      for (int i = 0; i <= 4; i++) {
        double v = max * i / 4;
        g.drawString(String.format(Locale.ROOT, "%.3g", v), 5, y(v, max) + 4);
        int s = (loss.length - 1) * i / 4;
        String label = Integer.toString(s + 1);
        int width = g.getFontMetrics().stringWidth(label);
        g.drawString(
            label, Math.min(x(s, loss.length) - width / 2, W - width - 2), H - BOTTOM + 16);
      }
      g.drawString("step", W / 2 - 10, H - 15);
      g.drawString(title, LEFT, 22);
      Path2D raw = new Path2D.Double();
      Path2D avg = new Path2D.Double();
      double sum = 0;
      for (int i = 0; i < loss.length; i++) {
        sum += loss[i];
        if (i >= WINDOW) {
          sum -= loss[i - WINDOW];
        }
        double mean = sum / Math.min(i + 1, WINDOW);
        if (i == 0) {
          raw.moveTo(x(i, loss.length), y(loss[i], max));
          avg.moveTo(x(i, loss.length), y(mean, max));
        } else {
          raw.lineTo(x(i, loss.length), y(loss[i], max));
          avg.lineTo(x(i, loss.length), y(mean, max));
        }
      }
      g.setColor(new Color(170, 200, 240));
      g.draw(raw);
      g.setColor(new Color(20, 90, 200));
      g.setStroke(new BasicStroke(2f));
      g.draw(avg);
    } finally {
      g.dispose();
    }
    ImageIO.write(img, "png", file.toFile());
  }

  private static int x(int step, int steps) {
    return LEFT + (int) Math.round((double) step / (steps - 1) * (W - LEFT - RIGHT));
  }

  private static int y(double v, double max) {
    return H - BOTTOM - (int) Math.round(v / max * (H - TOP - BOTTOM));
  }
}
