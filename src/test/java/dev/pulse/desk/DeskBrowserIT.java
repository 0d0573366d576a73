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
    return new DeskChromium(
        desk.base, dir.resolve("profile-" + width + "-" + System.nanoTime()), width);
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
  void approvingAndRejectingInTheQueueMovesThePublicSite(int width) throws IOException {
    int approved = width == 375 ? 10 : 12;
    int rejected = approved + 1;
    try (DeskChromium b = browser(width)) {
      b.login("ed", DeskFixture.PASSWORD);
      b.open("/desk?state=new");
      assertThat(b.fits()).isTrue();
      b.screenshot("queue");
      b.click("#row-" + DeskFixture.id(approved) + " button.approve");
      b.waitForPath("/desk");
      b.open("/desk?state=new");
      b.click("#row-" + DeskFixture.id(rejected) + " button.reject");
      b.waitForPath("/desk");
      b.open("/desk?state=all");
      assertThat(b.text("#row-" + DeskFixture.id(approved) + " .state")).isEqualTo("approved");
      assertThat(b.text("#row-" + DeskFixture.id(rejected) + " .state")).isEqualTo("rejected");
      b.screenshot("queue-reviewed");
      b.open("/entries/" + DeskFixture.id(rejected) + ".html");
      assertThat(b.driver.getPageSource()).doesNotContain("Story number " + rejected + " ");
      b.open("/");
      assertThat(b.driver.getPageSource())
          .doesNotContain("Story number " + rejected + " about")
          .contains("Story number " + approved + " about");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {375, 1280})
  void twoEditorsOnOneEntryTheSecondSaveIsRefusedWithTheFirstChangeShown(int width)
      throws IOException {
    int i = width == 375 ? 20 : 21;
    String page = "/desk/entries/" + DeskFixture.id(i);
    try (DeskChromium first = browser(width);
        DeskChromium second = browser(width)) {
      first.login("ed", DeskFixture.PASSWORD);
      second.login("ada", DeskFixture.PASSWORD);
      first.open(page);
      second.open(page);
      assertThat(second.text(".lock")).contains("Being edited by ed");
      second.screenshot("entry-locked");
      first.type("#summary", "Ed rewrote this summary.");
      first.click("form.edit button[type=submit]");
      first.waitFor(".saved");
      assertThat(first.driver.getPageSource()).contains("Ed rewrote this summary.");
      second.type("#summary", "Ada rewrote it differently.");
      second.click("form.edit button[type=submit]");
      second.waitFor(".conflict");
      assertThat(second.text(".conflict"))
          .contains("Not saved")
          .contains("Ed rewrote this summary.");
      assertThat(second.find("#summary").getAttribute("value"))
          .isEqualTo("Ada rewrote it differently.");
      assertThat(second.fits()).isTrue();
      second.screenshot("entry-conflict");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {375, 1280})
  void runNowWhileARunHoldsTheStoreIsRefusedWithAClearMessage(int width) throws IOException {
    // another process holds the store's lock, as a pulse run from cron does
    try (StoreLockHolder run = StoreLockHolder.start(desk.db, "run");
        DeskChromium b = browser(width)) {
      b.login("ed", DeskFixture.PASSWORD);
      b.open("/desk/runs");
      b.click("button.run-now");
      assertThat(b.waitFor(".refused").getText())
          .contains("Refused: a run holds the store")
          .contains("pulse run (pid " + run.pid() + " on ")
          .contains(") since");
      assertThat(desk.launched).isEmpty();
      assertThat(b.fits()).isTrue();
      b.screenshot("run-now-refused");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {375, 1280})
  void votingTwiceOnAnEntryMovesTheCountOnce(int width) throws IOException {
    int i = width == 375 ? 25 : 26;
    try (DeskChromium reader = browser(width);
        DeskChromium editor = browser(width)) {
      reader.open("/entries/" + DeskFixture.id(i) + ".html");
      reader.find("#feedback").getText();
      reader.screenshot("public-entry-feedback");
      reader.click("#feedback button[value=yes]");
      assertThat(reader.waitFor(".vote-result").getText()).contains("your vote is counted");
      reader.open("/entries/" + DeskFixture.id(i) + ".html");
      reader.click("#feedback button[value=yes]");
      assertThat(reader.waitFor(".vote-result").getText()).contains("voted on this story already");
      editor.login("ed", DeskFixture.PASSWORD);
      editor.open("/desk/entries/" + DeskFixture.id(i));
      assertThat(editor.text(".readers .yes")).isEqualTo("1");
      assertThat(editor.text(".readers .no")).isEqualTo("0");
      editor.open("/desk?state=all&sort=votes");
      assertThat(editor.text("table.queue tbody tr:first-child .votes")).contains("Yes 1");
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
