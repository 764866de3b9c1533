package dev.facegate.models.detection;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A face from dlib's 68-point imglab XML, reduced to MTCNN's five points: eye centres (mean of
 * points 36-41 and 42-47), nose tip (30), mouth corners (48, 54).
 */
record LabelledFace(Path image, Box box, List<Point> points) {

  double interocular() {
    Point l = points.get(0);
    Point r = points.get(1);
    return Math.hypot(l.x() - r.x(), l.y() - r.y());
  }

  static List<LabelledFace> read(Path xml) throws IOException {
    NodeList images;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      images = f.newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("image");
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(e);
    }
    List<LabelledFace> out = new ArrayList<>();
    for (int i = 0; i < images.getLength(); i++) {
      Element image = (Element) images.item(i);
      NodeList boxes = image.getElementsByTagName("box");
      for (int j = 0; j < boxes.getLength(); j++) {
        Element b = (Element) boxes.item(j);
        Map<Integer, Point> parts = new HashMap<>();
        NodeList ps = b.getElementsByTagName("part");
        for (int k = 0; k < ps.getLength(); k++) {
          Element p = (Element) ps.item(k);
          parts.put(
              Integer.parseInt(p.getAttribute("name")),
              new Point(
                  Double.parseDouble(p.getAttribute("x")),
                  Double.parseDouble(p.getAttribute("y"))));
        }
        if (parts.size() < 68) {
          continue;
        }
        List<Point> five =
            List.of(
                mean(parts, 36, 42),
                mean(parts, 42, 48),
                parts.get(30),
                parts.get(48),
                parts.get(54));
        Box box =
            Box.ofSize(
                Double.parseDouble(b.getAttribute("left")),
                Double.parseDouble(b.getAttribute("top")),
                Double.parseDouble(b.getAttribute("width")),
                Double.parseDouble(b.getAttribute("height")));
        out.add(
            new LabelledFace(
                xml.toAbsolutePath().getParent().resolve(image.getAttribute("file")), box, five));
      }
    }
    return out;
  }

  private static Point mean(Map<Integer, Point> parts, int from, int to) {
    double x = 0;
    double y = 0;
    for (int i = from; i < to; i++) {
      x += parts.get(i).x();
      y += parts.get(i).y();
    }
    return new Point(x / (to - from), y / (to - from));
  }
}
