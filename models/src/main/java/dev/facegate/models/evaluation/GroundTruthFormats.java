package dev.facegate.models.evaluation;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Readers for face-detection ground truth files. */
public final class GroundTruthFormats {

  private GroundTruthFormats() {}

  /**
   * Reads dlib's imglab XML ({@code <image file=...><box top left width height ignore?/>}). Image
   * paths are resolved against the XML file's folder.
   *
   * @param xml the dataset file, e.g. {@code dlib_faces/testing.xml}
   * @return one entry per image, in file order
   * @throws IOException if the file cannot be read or is not imglab XML
   */
  public static List<GroundTruthImage> readImglabXml(Path xml) throws IOException {
    Document doc;
    try (InputStream in = Files.newInputStream(xml)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // Ground truth may come from anywhere: no DTDs, no external entities.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      doc = b.parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("Not an imglab XML file: " + xml + " (" + e.getMessage() + ")", e);
    }
    Path dir = xml.toAbsolutePath().getParent();
    List<GroundTruthImage> out = new ArrayList<>();
    NodeList images = doc.getElementsByTagName("image");
    for (int i = 0; i < images.getLength(); i++) {
      Element image = (Element) images.item(i);
      List<GroundTruthImage.Face> faces = new ArrayList<>();
      NodeList boxes = image.getElementsByTagName("box");
      for (int j = 0; j < boxes.getLength(); j++) {
        Element b = (Element) boxes.item(j);
        Box box =
            Box.ofSize(
                number(b, "left", xml),
                number(b, "top", xml),
                number(b, "width", xml),
                number(b, "height", xml));
        faces.add(
            new GroundTruthImage.Face(
                box, "1".equals(b.getAttribute("ignore")), fivePoints(b, xml)));
      }
      out.add(new GroundTruthImage(dir.resolve(image.getAttribute("file")), faces));
    }
    return out;
  }

  /**
   * Reduces dlib's 68 iBUG landmarks ({@code <part name='00'..'67' x y/>}) to MTCNN's five: the eye
   * centres (mean of points 36-41 and 42-47; the image's left eye first), the nose tip (30) and the
   * mouth corners (48, 54). Returns an empty list when the box has no 68 parts.
   */
  private static List<Point> fivePoints(Element box, Path file) throws IOException {
    NodeList parts = box.getElementsByTagName("part");
    if (parts.getLength() != 68) {
      return List.of();
    }
    double[][] p = new double[68][];
    for (int i = 0; i < 68; i++) {
      Element part = (Element) parts.item(i);
      int index;
      try {
        index = Integer.parseInt(part.getAttribute("name"));
      } catch (NumberFormatException e) {
        throw new IOException(file + ": part without a numeric name", e);
      }
      if (index < 0 || index >= 68) {
        throw new IOException(file + ": part index out of range: " + index);
      }
      p[index] = new double[] {number(part, "x", file), number(part, "y", file)};
    }
    for (double[] q : p) {
      if (q == null) {
        throw new IOException(file + ": a box has 68 parts but not the indices 0-67");
      }
    }
    return List.of(mean(p, 36, 42), mean(p, 42, 48), point(p[30]), point(p[48]), point(p[54]));
  }

  private static Point mean(double[][] p, int from, int to) {
    double x = 0;
    double y = 0;
    for (int i = from; i < to; i++) {
      x += p[i][0];
      y += p[i][1];
    }
    return new Point(x / (to - from), y / (to - from));
  }

  private static Point point(double[] xy) {
    return new Point(xy[0], xy[1]);
  }

  private static double number(Element e, String attribute, Path file) throws IOException {
    try {
      return Double.parseDouble(e.getAttribute(attribute));
    } catch (NumberFormatException ex) {
      throw new IOException(file + ": box without a numeric " + attribute, ex);
    }
  }

  /**
   * Reads WIDER FACE's {@code wider_face_*_bbx_gt.txt}: per image a line with the relative path, a
   * line with the face count, then one line per face {@code x y w h blur expression illumination
   * invalid occlusion pose} (an image with no face has a count of 0 followed by one line of zeros).
   * Faces marked invalid are kept as ignored.
   *
   * @param gt the ground-truth file
   * @param imagesDir the folder the relative image paths start from ({@code WIDER_val/images})
   * @return one entry per image, in file order
   * @throws IOException if the file cannot be read or is malformed
   */
  public static List<GroundTruthImage> readWiderFace(Path gt, Path imagesDir) throws IOException {
    List<GroundTruthImage> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(gt, StandardCharsets.UTF_8)) {
      String name;
      int line = 0;
      while ((name = r.readLine()) != null) {
        line++;
        name = name.strip();
        if (name.isEmpty()) {
          continue;
        }
        String countLine = r.readLine();
        line++;
        int count;
        try {
          count = Integer.parseInt(countLine == null ? "" : countLine.strip());
        } catch (NumberFormatException e) {
          throw new IOException(gt + ":" + line + ": expected a face count after " + name, e);
        }
        List<GroundTruthImage.Face> faces = new ArrayList<>();
        for (int k = 0; k < Math.max(1, count); k++) {
          String f = r.readLine();
          line++;
          if (f == null) {
            throw new IOException(gt + ":" + line + ": file ends inside the faces of " + name);
          }
          if (count == 0) {
            break; // the placeholder line of an image without faces
          }
          String[] v = f.strip().split("\\s+");
          if (v.length < 4) {
            throw new IOException(gt + ":" + line + ": expected x y w h ...: " + f);
          }
          double x = Double.parseDouble(v[0]);
          double y = Double.parseDouble(v[1]);
          double w = Double.parseDouble(v[2]);
          double h = Double.parseDouble(v[3]);
          boolean invalid = v.length > 7 && v[7].equals("1");
          faces.add(new GroundTruthImage.Face(Box.ofSize(x, y, w, h), invalid || w <= 0 || h <= 0));
        }
        out.add(new GroundTruthImage(imagesDir.resolve(name), faces));
      }
    }
    return out;
  }
}
