package org.nrm.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the webapps as people use them: the product on its port, a headless Chromium of its own for each test. */
abstract class InChromium {

  @LocalServerPort protected int port;

  protected Chromium browser;

  @BeforeEach
  void startChromium() throws Exception {
    browser = Chromium.start(port);
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }
}
