package dev.pulse.publish;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A rendered site served on a loopback port and opened in headless Chromium (the Debian packages
 * chromium and chromium-driver; scripts/install-browser.sh installs them). Uses
 * /usr/bin/chromedriver explicitly, so Selenium Manager never downloads anything.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Selenium warns it has no CDP bindings for this Chromium; only WebDriver is used here. */
  private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  final Path site;
  final String base;
  private final HttpServer server;
  private final ChromeDriver driver;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Whether the browser tests can run. On a developer's machine without Chromium they are skipped;
   * under CI ({@code CI=true}, where .ci/run installs it) a missing browser fails them instead, so
   * the real-browser check can never pass by being skipped.
   */
  static boolean available() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: .ci/run should have"
              + " installed them with scripts/install-browser.sh");
    }
    return present;
  }

  HeadlessChromium(Path site, Path profile) throws IOException {
    this.site = site.toAbsolutePath().normalize();
    this.server = serve(this.site);
    this.base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    try {
      this.driver = chrome(profile);
    } catch (RuntimeException e) {
      server.stop(0);
      throw e;
    }
    Files.createDirectories(SCREENSHOTS);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens a site-relative path in a window of this width. */
  void open(String path, int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    driver.get(base + path);
  }

  void openFile(Path file, int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    driver.get(file.toUri().toString());
  }

  Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  long number(String script) {
    return ((Number) js(script)).longValue();
  }

  long innerWidth() {
    return number("return window.innerWidth");
  }

  long scrollWidth() {
    return number("return document.documentElement.scrollWidth");
  }

  /** Saves a full-page screenshot as target/screenshots/{name}-{width}.png. */
  Path screenshot(String name, int width) throws IOException {
    long height = number("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 8000)));
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = SCREENSHOTS.resolve(name + "-" + width + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** The resolved URLs of every link and stylesheet on the open page. */
  @SuppressWarnings("unchecked")
  List<String> links() {
    return new ArrayList<>(
        (List<String>)
            js(
                "return Array.from(document.querySelectorAll('a[href], link[href]')).map(a => a.href)"));
  }

  /** The HTTP status of a URL on the site's server. */
  int status(String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      server.stop(0);
    }
  }

  private static ChromeDriver chrome(Path profile) {
    CDP_LOG.setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
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
    return new ChromeDriver(service, options);
  }

  private static HttpServer serve(Path root) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext(
        "/",
        exchange -> {
          Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body = Files.readAllBytes(file);
          String name = file.getFileName().toString();
          exchange
              .getResponseHeaders()
              .set(
                  "Content-Type",
                  name.endsWith(".css")
                      ? "text/css"
                      : name.endsWith(".json")
                          ? "application/feed+json"
                          : name.endsWith(".atom")
                              ? "application/atom+xml"
                              : name.endsWith(".png") ? "image/png" : "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    s.start();
    return s;
  }
}
