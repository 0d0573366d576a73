package dev.pulse.desk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (one browser profile: its own cookies) pointed at a desk server. Uses
 * /usr/bin/chromedriver explicitly, so Selenium Manager never downloads anything.
 */
final class DeskChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final String base;

  /** As the site's browser tests: skipped without Chromium, except under CI=true. */
  static boolean available() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but Chromium or chromedriver is missing");
    }
    return present;
  }

  DeskChromium(String base, Path profile, int width) throws IOException {
    this.base = base;
    Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, 900));
    Files.createDirectories(SCREENSHOTS);
  }

  void open(String path) {
    if (!path.startsWith("/desk")) {
      DeskFixture.settle(base);
    }
    driver.get(base + path);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  void type(String css, String value) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(value);
  }

  void click(String css) {
    find(css).click();
  }

  void login(String name, String password) {
    open("/desk/login");
    type("#name", name);
    type("#password", password);
    click("form button[type=submit]");
    until(
        () ->
            !path().equals("/desk/login")
                || !driver.findElements(By.cssSelector(".error")).isEmpty(),
        "the login's answer");
  }

  /** Waits (up to 10 s) for a condition on the page. */
  void until(java.util.function.BooleanSupplier condition, String what) {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      if ("complete"
              .equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
          && condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("waited in vain for " + what + " on " + driver.getCurrentUrl());
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /**
   * Waits (up to 10 s) until the browser shows a page at {@code path} that has finished loading.
   */
  void waitForPath(String expected) {
    until(() -> path().equals(expected), "a page at " + expected);
  }

  /** Waits (up to 10 s) until an element matching {@code css} is on the page. */
  WebElement waitFor(String css) {
    until(() -> !driver.findElements(By.cssSelector(css)).isEmpty(), css);
    return find(css);
  }

  long number(String script) {
    return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
  }

  /** No horizontal scrolling at this width. */
  boolean fits() {
    return number("return document.documentElement.scrollWidth")
        <= number("return window.innerWidth");
  }

  /** Saves a full-page screenshot as target/screenshots/desk-{name}-{width}.png. */
  Path screenshot(String name) throws IOException {
    long width = number("return window.innerWidth");
    long height = number("return document.documentElement.scrollHeight");
    Dimension size = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(size.width, (int) Math.min(height + 140, 6000)));
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = SCREENSHOTS.resolve("desk-" + name + "-" + width + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(size);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
