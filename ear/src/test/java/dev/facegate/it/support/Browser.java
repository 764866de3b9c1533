package dev.facegate.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver} (installed by {@code
 * .ci/run}); Selenium Manager never downloads anything because both paths are given.
 */
public final class Browser implements AutoCloseable {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private final WebDriver driver;
  private final Path profile;
  private final Path downloads;

  public Browser() {
    this(List.of(), new Dimension(1280, 900));
  }

  /**
   * A browser with more command-line switches (for example a fake camera) and a window size.
   *
   * @param extraArguments Chromium switches added to the defaults
   * @param window the window size
   */
  public Browser(List<String> extraArguments, Dimension window) {
    for (String required : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!new File(required).canExecute()) {
        throw new IllegalStateException(
            required + " is missing: apt-get install chromium chromium-driver (see .ci/run)");
      }
    }
    try {
      profile = Files.createTempDirectory("facegate-chromium");
      downloads = Files.createTempDirectory("facegate-downloads");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--user-data-dir=" + profile)
            .addArguments(extraArguments);
    // Files the console offers for download land in downloads() without asking.
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(window);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  /** Where downloads of this browser land (a fresh temporary folder). */
  public Path downloads() {
    return downloads;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves a PNG of the current page as {@code target/screenshots/NAME.png} for reviewers. */
  public Path screenshot(String name) {
    Path directory = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(name + ".png");
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not save screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
