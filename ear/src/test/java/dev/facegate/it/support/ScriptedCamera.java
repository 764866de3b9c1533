package dev.facegate.it.support;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * A camera the test drives while the page runs: {@code getUserMedia} answers with the stream of a
 * canvas that shows the pictures the test gives it, installed before any page script runs (Chrome
 * DevTools {@code Page.addScriptToEvaluateOnNewDocument}). The page itself is unchanged; only the
 * camera device is replaced. Used where the test must react to what the page asks, which a fixed
 * video ({@link FakeCamera}) cannot: the kiosk's head-turn challenge asks for a random side.
 */
public final class ScriptedCamera {

  private static final String INSTALL =
      """
      (() => {
        const canvas = document.createElement('canvas');
        canvas.width = %d;
        canvas.height = %d;
        const context = canvas.getContext('2d');
        let scenes = [];
        let started = 0;
        function current() {
          let elapsed = performance.now() - started;
          for (const scene of scenes) {
            if (elapsed < scene.ms || scene === scenes[scenes.length - 1]) {
              return scene.image;
            }
            elapsed -= scene.ms;
          }
          return null;
        }
        function draw() {
          context.fillStyle = '#8a8f94';
          context.fillRect(0, 0, canvas.width, canvas.height);
          const image = current();
          if (image && image.complete && image.naturalWidth > 0) {
            const scale = Math.min(canvas.width / image.naturalWidth,
                                   canvas.height / image.naturalHeight);
            const w = image.naturalWidth * scale;
            const h = image.naturalHeight * scale;
            context.drawImage(image, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
          }
        }
        setInterval(draw, 50);
        window.__fgCamera = {
          play(list) {
            scenes = list.map(s => { const i = new Image(); i.src = s.url; return {image: i, ms: s.ms}; });
            started = performance.now();
          },
        };
        const stream = () => Promise.resolve(canvas.captureStream(10));
        if (!navigator.mediaDevices) {
          Object.defineProperty(navigator, 'mediaDevices', {value: {}});
        }
        navigator.mediaDevices.getUserMedia = stream;
      })();
      """;

  private final org.openqa.selenium.WebDriver driver;
  private final List<Map<String, Object>> scenes = new ArrayList<>();

  private ScriptedCamera(org.openqa.selenium.WebDriver driver) {
    this.driver = driver;
  }

  /** Installs the camera for every page this browser opens from now on. */
  public static ScriptedCamera install(Browser browser) {
    ((HasCdp) browser.driver())
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of("source", INSTALL.formatted(FakeCamera.WIDTH, FakeCamera.HEIGHT)));
    return new ScriptedCamera(browser.driver());
  }

  /** Adds a scene: an encoded image (JPEG or PNG) shown for {@code millis}. */
  public ScriptedCamera then(byte[] image, long millis) {
    String type = image.length > 0 && image[0] == (byte) 0x89 ? "image/png" : "image/jpeg";
    scenes.add(
        Map.of(
            "url",
            "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image),
            "ms",
            millis));
    return this;
  }

  /** Plays the scenes from now on in the open page; the last one stays. */
  public void play() {
    ((JavascriptExecutor) driver)
        .executeScript("window.__fgCamera.play(arguments[0]);", List.copyOf(scenes));
    scenes.clear();
  }
}
