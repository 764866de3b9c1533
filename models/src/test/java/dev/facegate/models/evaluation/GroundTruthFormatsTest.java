package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.models.TestFaces;
import dev.facegate.models.geometry.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthFormatsTest {

  @Test
  void readsDlibImglabXml() throws IOException {
    Path xml = TestFaces.file("dlib_faces/testing.xml");
    List<GroundTruthImage> images = GroundTruthFormats.readImglabXml(xml);
    assertThat(images).hasSize(5);
    assertThat(images.stream().mapToInt(i -> i.faces().size()).sum()).isEqualTo(25);
    GroundTruthImage first = images.get(0);
    assertThat(first.image()).isEqualTo(xml.getParent().resolve("2008_002470.jpg"));
    assertThat(first.faces().get(0).box()).isEqualTo(Box.ofSize(274, 181, 52, 53));
    assertThat(images).allSatisfy(i -> assertThat(Files.isRegularFile(i.image())).isTrue());
  }

  @Test
  void readsImglabIgnoreFlags(@TempDir Path dir) throws IOException {
    Path xml = dir.resolve("gt.xml");
    Files.writeString(
        xml,
        "<dataset><images><image file='a.jpg'>"
            + "<box top='1' left='2' width='3' height='4' ignore='1'/>"
            + "</image></images></dataset>");
    assertThat(GroundTruthFormats.readImglabXml(xml).get(0).faces().get(0).ignored()).isTrue();
    Files.writeString(xml, "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>");
    assertThatThrownBy(() -> GroundTruthFormats.readImglabXml(xml)).isInstanceOf(IOException.class);
  }

  @Test
  void readsWiderFaceWithInvalidFacesAndEmptyImages(@TempDir Path dir) throws IOException {
    Path gt = dir.resolve("wider_face_val_bbx_gt.txt");
    Files.writeString(
        gt,
        """
        0--Parade/0_Parade_marchingband_1_465.jpg
        2
        345 211 4 4 2 0 0 0 0 0\s
        331 126 3 3 0 0 0 1 0 0\s
        0--Parade/0_Parade_Parade_0_829.jpg
        0
        0 0 0 0 0 0 0 0 0 0\s
        1--Handshaking/1_Handshaking_1.jpg
        1
        10 20 30 40 0 0 0 0 0 0
        """);
    List<GroundTruthImage> images = GroundTruthFormats.readWiderFace(gt, dir.resolve("images"));
    assertThat(images).hasSize(3);
    assertThat(images.get(0).faces()).hasSize(2);
    assertThat(images.get(0).faces().get(0).ignored()).isFalse();
    assertThat(images.get(0).faces().get(1).ignored()).isTrue();
    assertThat(images.get(1).faces()).isEmpty();
    assertThat(images.get(2).faces().get(0).box()).isEqualTo(Box.ofSize(10, 20, 30, 40));
    assertThat(images.get(2).image())
        .isEqualTo(dir.resolve("images/1--Handshaking/1_Handshaking_1.jpg"));

    Files.writeString(gt, "a.jpg\n2\n1 2 3 4 0 0 0 0 0 0\n");
    assertThatThrownBy(() -> GroundTruthFormats.readWiderFace(gt, dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ends inside");
  }
}
