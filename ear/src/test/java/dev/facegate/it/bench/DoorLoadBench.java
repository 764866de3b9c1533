package dev.facegate.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.Management;
import dev.facegate.models.embedding.FaceEmbedder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded load run of the door hook on loopback: 1,000 synthetic templates (random unit vectors,
 * written straight into PostgreSQL, then indexed by the admin "rebuild" call) plus real enrolled
 * people; then a fixed number of signed requests at concurrency 1 and 8, alternating a photo of an
 * enrolled person and a stranger. Prints median, p90, p99, throughput and errors; asserts only that
 * the set-up worked. Run with {@code ./mvnw -B verify -Pbench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DoorLoadBench {

  private static final int SYNTHETIC_TEMPLATES = 1_000;

  /**
   * Untimed requests of each frame kind first. With 10, the JIT compiler was still at work in the
   * first timed phase: its kNN stage took 25 ms against 13 ms in the later phases, on the same
   * index.
   */
  private static final int WARM_UP = 100;

  private static final int REQUESTS_SERIAL = 100;
  private static final int REQUESTS_CONCURRENT = 200;
  private static final int DOORS = 20;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void doorHookUnderLoad() throws Exception {
    Api api = Api.asAdmin(baseUrl);
    Gallery gallery = new Gallery(api);
    gallery.enrolled(
        "Family1 Dad",
        "azure_face_samples/Family1-Dad1.jpg",
        "azure_face_samples/Family1-Dad2.jpg");
    insertSyntheticTemplates(SYNTHETIC_TEMPLATES);
    Api.Reply rebuilt = api.postJson("api/v1/index/rebuild", "");
    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
    long indexed = rebuilt.json().getJsonNumber("indexed").longValue();
    assertThat(indexed).isGreaterThanOrEqualTo(SYNTHETIC_TEMPLATES);

    List<DoorClient> doors = new ArrayList<>();
    for (int i = 0; i < DOORS; i++) {
      doors.add(gallery.door("Bench door " + i + " " + System.nanoTime()));
    }
    byte[] member = Faces.read("azure_face_samples/Family1-Dad3.jpg");
    byte[] stranger = Faces.read("azure_face_samples/Family3-Man1.jpg");

    byte[] memberFrame = cameraFrame(member);
    byte[] strangerFrame = cameraFrame(stranger);

    Management metrics = Management.ofTestServer();
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Door hook load run: %d templates indexed, %d-core machine, detector: cascade %s,"
                    + " split detections %s, MXNET_CPU_WORKER_NTHREADS %s; load average before:"
                    + " %s%n",
                indexed,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("it.face.cascade", "optimised"),
                System.getProperty("it.face.split-detections", "true"),
                Objects.requireNonNullElse(
                    System.getenv("MXNET_CPU_WORKER_NTHREADS"), "unset (cores)"),
                DoorLoad.loadAverage()));
    DoorLoad.run(doors, member, stranger, 1, WARM_UP);
    DoorLoad.run(doors, memberFrame, strangerFrame, 1, WARM_UP);
    report.append(measure(metrics, "concurrency 1", doors, member, stranger, 1, REQUESTS_SERIAL));
    report.append(
        measure(metrics, "concurrency 8", doors, member, stranger, 8, REQUESTS_CONCURRENT));
    report.append(
        measure(
            metrics,
            "concurrency 1, 640x480",
            doors,
            memberFrame,
            strangerFrame,
            1,
            REQUESTS_SERIAL));
    report.append(
        measure(
            metrics,
            "concurrency 8, 640x480",
            doors,
            memberFrame,
            strangerFrame,
            8,
            REQUESTS_CONCURRENT));
    report.append("load average after: ").append(DoorLoad.loadAverage()).append('\n');
    System.out.println(report);
    Path out = Path.of(System.getProperty("it.bench.dir", "target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("door-load.txt"), report);
  }

  /** One load run with the server's mean time per decision stage during it. */
  private static String measure(
      Management metrics,
      String name,
      List<DoorClient> doors,
      byte[] member,
      byte[] stranger,
      int threads,
      int requests)
      throws Exception {
    Map<String, double[]> before = DoorLoad.stages(metrics);
    String line = DoorLoad.run(doors, member, stranger, threads, requests).line(name);
    return line
        + "\n    stages (mean ms): "
        + DoorLoad.stageMeans(before, DoorLoad.stages(metrics))
        + "\n";
  }

  /**
   * The photo as a door camera's 640 x 480 frame: scaled to 400 px high, centred on a grey
   * background. The shared photos are small (139 x 208, 251 x 311); a camera frame is not, and
   * detection, the largest stage, grows with the frame.
   */
  private static byte[] cameraFrame(byte[] photo) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(photo));
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = frame.createGraphics();
    try {
      g.setColor(new Color(128, 128, 128));
      g.fillRect(0, 0, 640, 480);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int height = 400;
      int width = source.getWidth() * height / source.getHeight();
      g.drawImage(source, (640 - width) / 2, 40, width, height, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(frame, "jpg", jpeg);
    return jpeg.toByteArray();
  }

  /** Employees with consent and one random unit-vector template each, straight into the DB. */
  private static void insertSyntheticTemplates(int count) throws SQLException {
    Random random = new Random(42);
    try (Connection db =
        DriverManager.getConnection(
            System.getProperty("it.db.url"),
            System.getProperty("it.db.user"),
            System.getProperty("it.db.password"))) {
      db.setAutoCommit(false);
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement employee =
              db.prepareStatement(
                  "INSERT INTO employee (employee_number, full_name, department, site, status,"
                      + " created_at, consent_given_at, consent_recorded_by, consent_notice_version)"
                      + " VALUES (?, ?, 'Synthetic', 'main', 'ACTIVE', ?, ?, 'bench', 'bench')",
                  new String[] {"id"});
          PreparedStatement template =
              db.prepareStatement(
                  "INSERT INTO face_template (employee_id, vector, model_id, model_version,"
                      + " detection_score, face_size_px, sharpness, frontalness, created_at)"
                      + " VALUES (?, ?, ?, ?, 1.0, 150, 100.0, 1.0, ?)")) {
        for (int i = 0; i < count; i++) {
          employee.setString(1, "SYN-" + i + "-" + random.nextInt(1_000_000));
          employee.setString(2, "Synthetic " + i);
          employee.setTimestamp(3, now);
          employee.setTimestamp(4, now);
          employee.executeUpdate();
          long id;
          try (var keys = employee.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          template.setLong(1, id);
          template.setBytes(2, randomUnitVector(random, 128));
          template.setString(3, FaceEmbedder.MODEL_ID);
          template.setString(4, FaceEmbedder.MODEL_VERSION);
          template.setTimestamp(5, now);
          template.addBatch();
        }
        template.executeBatch();
      }
      db.commit();
    }
  }

  private static byte[] randomUnitVector(Random random, int dims) {
    float[] v = new float[dims];
    double norm = 0;
    for (int i = 0; i < dims; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    ByteBuffer bytes = ByteBuffer.allocate(dims * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      bytes.putFloat((float) (x / Math.sqrt(norm)));
    }
    return bytes.array();
  }
}
