package dev.facegate.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  @Test
  void theQrCodeReadsBackAsTheTextItWasMadeFrom() throws Exception {
    byte[] png = QrCodes.png("ABCDE-FGHJK");

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    String decoded =
        new QRCodeReader()
            .decode(
                new BinaryBitmap(
                    new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
            .getText();

    assertThat(decoded).isEqualTo("ABCDE-FGHJK");
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(200);
  }

  @Test
  void theDataUriIsAPng() {
    assertThat(QrCodes.pngDataUri("X")).startsWith("data:image/png;base64,iVBORw0KGgo");
  }
}
