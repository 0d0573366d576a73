package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The desk's flows in headless Chromium at phone (375 px) and desktop (1280 px) widths, with
 * screenshots in target/screenshots/desk-*.png.
 */
class DeskBrowserIT {

  @TempDir static Path dir;
  static DeskFixture desk;

  @BeforeAll
  static void start() {
    assumeTrue(DeskChromium.available(), "headless Chromium not installed");
    desk = new DeskFixture(dir, 30);
  }

  @AfterAll
  static void stop() {
    if (desk != null) {
      desk.close();
    }
  }

  DeskChromium browser(int width) throws IOException {
    return new DeskChromium(desk.base, dir.resolve("profile-" + width + "-" + System.nanoTime()),
        width);
  }

  @ParameterizedTest
  @ValueSource(ints = {375, 1280})
  void signingInOpensTheDeskAndAWrongPasswordDoesNot(int width) throws IOException {
    try (DeskChromium b = browser(width)) {
      b.open("/desk");
      assertThat(b.path()).isEqualTo("/desk/login");
      b.screenshot("login");
      b.login("ed", "not the password");
      assertThat(b.text(".error")).contains("Wrong name or password");
      b.login("ed", DeskFixture.PASSWORD);
      assertThat(b.path()).isEqualTo("/desk");
      assertThat(b.text(".who")).isEqualTo("ed");
      assertThat(b.fits()).isTrue();
      b.screenshot("home");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {375, 1280})
  void thePublicSiteIsServedUnderTheCsp(int width) throws IOException {
    try (DeskChromium b = browser(width)) {
      b.open("/");
      assertThat(b.driver.getTitle()).isNotBlank();
      // the stylesheet applied: the CSP let 'self' styles through
      assertThat(b.number("return document.styleSheets.length")).isPositive();
      b.open("/entries/" + DeskFixture.id(3) + ".html");
      assertThat(b.find("h1").getText()).contains("Story number 3");
      assertThat(b.fits()).isTrue();
    }
  }
}
