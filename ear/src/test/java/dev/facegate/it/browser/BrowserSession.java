package dev.facegate.it.browser;

import dev.facegate.it.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A fresh headless Chromium for every browser test, closed afterwards; the last page each test saw
 * is saved as a screenshot whatever the outcome, the first thing to look at on a failure.
 */
abstract class BrowserSession {

  protected Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    browser.screenshot("last-" + getClass().getSimpleName() + "-" + test.getDisplayName());
    browser.close();
  }
}
