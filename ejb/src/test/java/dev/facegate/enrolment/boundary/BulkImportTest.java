package dev.facegate.enrolment.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The zip-bomb limits refuse an archive while reading it, before anything is enrolled. */
class BulkImportTest {

  private static BulkImport withLimits(int entries, long fileBytes, long totalBytes) {
    BulkImport bulkImport = new BulkImport();
    bulkImport.maxEntries = entries;
    bulkImport.maxFileBytes = fileBytes;
    bulkImport.maxTotalBytes = totalBytes;
    return bulkImport;
  }

  private static byte[] zip(int files, int bytesEach) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < files; i++) {
        zip.putNextEntry(new ZipEntry("E-" + i + "/photo.jpg"));
        zip.write(new byte[bytesEach]); // zeros: a tiny compressed entry that inflates large
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void refusesMoreEntriesThanTheLimit() throws IOException {
    assertThatThrownBy(() -> withLimits(2, 1000, 10_000).importZip(stream(zip(3, 10))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than 2 entries");
  }

  @Test
  void refusesAFileThatInflatesPastThePerFileLimitWhateverItsHeaderSays() throws IOException {
    byte[] bomb = zip(1, 1_000_000);
    assertThat(bomb.length).isLessThan(10_000);
    assertThatThrownBy(() -> withLimits(10, 100_000, 10_000_000).importZip(stream(bomb)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("E-0/photo.jpg inflates to more than");
  }

  @Test
  void refusesAnArchiveThatInflatesPastTheTotalLimit() throws IOException {
    assertThatThrownBy(
            () -> withLimits(100, 1_000_000, 2_500_000).importZip(stream(zip(3, 1_000_000))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("inflates to more than");
  }

  @Test
  void refusesWhatIsNotAZip() {
    assertThatThrownBy(() -> withLimits(10, 1000, 1000).importZip(stream("not a zip".getBytes())))
        .isInstanceOf(InvalidInputException.class);
  }

  private static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
