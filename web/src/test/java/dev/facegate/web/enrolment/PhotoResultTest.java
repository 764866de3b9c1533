package dev.facegate.web.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.enrolment.boundary.PhotoVerdict;
import dev.facegate.enrolment.boundary.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhotoResultTest {

  @Test
  void theBoxIsPlacedInPercentOfTheUprightPhotoTheServerDecoded() {
    // A portrait phone photo: stored 400 x 300 with EXIF "rotate", decoded upright as 300 x 400.
    PhotoVerdict verdict =
        new PhotoVerdict(
            "phone.jpg",
            true,
            Optional.of(7L),
            Optional.empty(),
            "ok",
            Optional.of(new double[] {75, 100, 150, 200}),
            Optional.of(new int[] {300, 400}),
            Optional.of(new byte[] {(byte) 0xFF, (byte) 0xD8}));

    PhotoResult result = PhotoResult.of(verdict);

    assertThat(result.getBoxStyle()).isEqualTo("left:25.00%;top:25.00%;width:50.00%;height:50.00%");
    assertThat(result.getThumbnail()).isEqualTo("data:image/jpeg;base64,/9g=");
    assertThat(result.getVerdict()).isEqualTo("Accepted as template 7");
  }

  @Test
  void anUndecodablePhotoHasNeitherThumbnailNorBox() {
    PhotoVerdict verdict =
        new PhotoVerdict(
            "broken.jpg",
            false,
            Optional.empty(),
            Optional.of(Refusal.UNREADABLE_IMAGE),
            "truncated",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    PhotoResult result = PhotoResult.of(verdict);

    assertThat(result.getThumbnail()).isNull();
    assertThat(result.getBoxStyle()).isNull();
    assertThat(result.getVerdict()).isEqualTo(Refusal.UNREADABLE_IMAGE.message());
  }
}
