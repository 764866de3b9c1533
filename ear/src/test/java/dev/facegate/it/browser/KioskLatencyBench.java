package dev.facegate.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Browser;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.FakeCamera;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.KioskClient;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;

/**
 * How long a person waits at the kiosk: from the capture of the first frame with their face to the
 * greeting on screen, as the kiosk page itself measures it ({@code window.fgKioskTimings}), over
 * {@value #ATTEMPTS} attempts in headless Chromium with a fake camera that shows an enrolled person
 * for 3 s, then nobody for 3 s, in a loop. Prints the median and p90, and the server's CPU time per
 * attempt (from /proc, through {@link ProcessHandle}); asserts only that the attempts happened. Run
 * with {@code ./mvnw -B verify -Pbench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KioskLatencyBench {

  private static final int ATTEMPTS = 20;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void firstFaceToGreeting() throws Exception {
    Api admin = Api.asAdmin(baseUrl);
    new Gallery(admin).enrolled("Ada Bench", "deepface_tests/img3.jpg", "deepface_tests/img53.jpg");
    KioskClient.Created kiosk = KioskClient.create(admin, "Bench kiosk " + System.nanoTime());
    Path video =
        new FakeCamera().photo("deepface_tests/img12.jpg", 3).empty(3).write("kiosk-bench");
    // This build's own server (other WildFly processes may run on a shared machine).
    String serverHome = Path.of("target", "it").toAbsolutePath().toString();
    Optional<ProcessHandle> server =
        ProcessHandle.allProcesses()
            .filter(
                p -> {
                  String command = p.info().commandLine().orElse("");
                  return command.contains("jboss-modules") && command.contains(serverHome);
                })
            .findFirst();
    try (Browser browser =
        new Browser(
            List.of(
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video),
            new Dimension(1280, 800))) {
      KioskPage page =
          KioskPage.open(browser.driver(), baseUrl.toString()).pair(kiosk.pairingCode());
      page.awaitState("idle", Duration.ofSeconds(60));
      Duration cpuBefore = cpu(server);
      long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
      while (page.timings().size() < ATTEMPTS && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      Duration cpuAfter = cpu(server);
      List<Map<String, Object>> timings = page.timings();
      assertThat(timings).hasSizeGreaterThanOrEqualTo(ATTEMPTS);
      List<Map<String, Object>> measured = timings.subList(0, ATTEMPTS);
      double[] ms =
          measured.stream()
              .mapToDouble(t -> ((Number) t.get("ms")).doubleValue())
              .sorted()
              .toArray();
      long recognised = measured.stream().filter(t -> "MATCH".equals(t.get("outcome"))).count();
      String report =
          String.format(
              Locale.ROOT,
              "kiosk first-face-to-greeting over %d attempts (%d recognised): median %.0f ms, p90 %.0f"
                  + " ms, min %.0f ms, max %.0f ms; server CPU %s per attempt%n"
                  + "machine: %d cores, load %s%n",
              ATTEMPTS,
              recognised,
              percentile(ms, 0.5),
              percentile(ms, 0.9),
              ms[0],
              ms[ms.length - 1],
              server.isPresent()
                  ? String.format(
                      Locale.ROOT,
                      "%.0f ms",
                      (cpuAfter.toMillis() - cpuBefore.toMillis()) / (double) timings.size())
                  : "n/a (server process not found)",
              Runtime.getRuntime().availableProcessors(),
              Files.readString(Path.of("/proc/loadavg")).strip());
      System.out.print(report);
      Path out = Path.of(System.getProperty("it.bench.dir", "target/bench"));
      Files.createDirectories(out);
      Files.writeString(out.resolve("kiosk-latency.txt"), report);
    }
  }

  private static Duration cpu(Optional<ProcessHandle> server) {
    return server.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
