package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.cli.PulseCli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An editor's summary and category survive {@code pulse rerun --force} of the same URL: the real
 * CLI fetches the article again over HTTP and re-analyzes it, and the public page and the desk
 * still show the editor's values, with the analyzer's beside them.
 */
class DeskRerunIT {

  @TempDir static Path dir;
  static HttpServer articles;
  static DeskFixture desk;
  static Path config;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(DeskChromium.available(), "headless Chromium not installed");
    articles = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    articles.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith("/news/")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = article(path.substring("/news/".length())).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    articles.start();
    desk = new DeskFixture(dir, 0);
    config = dir.resolve("pulse.yml");
    Files.writeString(config, "taxonomy: data/categories.yml\nfetch:\n  allow: [127.0.0.1]\n");
  }

  @AfterAll
  static void stop() {
    if (desk != null) {
      desk.close();
    }
    if (articles != null) {
      articles.stop(0);
    }
  }

  static String article(String slug) {
    return "<!doctype html><html lang=\"en\"><head><title>Harbour council votes to dredge the"
        + " channel</title></head><body><article><h1>Harbour council votes to dredge the channel"
        + " (" + slug + ")</h1><p>The harbour council voted on Tuesday to dredge the main"
        + " shipping channel after two cargo ships ran aground in the silted approach this"
        + " autumn.</p><p>The work will cost 4 million euros and take six months, the council"
        + " said, and the port will stay open while dredgers work at night.</p><p>Shipping"
        + " companies welcomed the decision, saying the silt had forced larger vessels to wait"
        + " for high tide, delaying cargo and raising costs for local businesses.</p><p>"
        + "Environmental groups asked the council to monitor the seabed and the fish that spawn"
        + " in the estuary during the spring months.</p></article></body></html>";
  }

  static String rerun(String url, boolean force) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = force
        ? new String[] {"rerun", url, "--force", "--analyzer", "embedded", "--db",
            desk.db.toString(), "--config", config.toString()}
        : new String[] {"rerun", url, "--analyzer", "embedded", "--db", desk.db.toString(),
            "--config", config.toString()};
    int code = PulseCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {375, 1280})
  void editsSurviveAForcedRerunOfTheSameUrl(int width) throws IOException {
    String url = "http://127.0.0.1:" + articles.getAddress().getPort() + "/news/dredge-" + width;
    String id = new ObjectMapper().readTree(rerun(url, false)).path("id").asText();
    assertThat(id).hasSize(64);
    desk.server.invalidateSite();
    try (DeskChromium b = new DeskChromium(desk.base, dir.resolve("p" + width), width)) {
      b.login("ed", DeskFixture.PASSWORD);
      b.open("/desk/entries/" + id);
      String aiCategory = b.find("#category option:checked").getText();
      String category = aiCategory.equals("Environment") ? "Business" : "Environment";
      b.type("#summary", "Editor: the council will dredge the silted channel at night.");
      b.find("#category option[value='" + category + "']").click();
      b.click("form.edit button[type=submit]");
      b.waitFor(".saved");

      rerun(url, true);
      desk.server.invalidateSite();

      b.open("/entries/" + id + ".html");
      assertThat(b.text(".lede")).isEqualTo(
          "Editor: the council will dredge the silted channel at night.");
      assertThat(b.text(".kicker")).isEqualToIgnoringCase(category);
      b.screenshot("public-entry-after-rerun");
      b.open("/desk/entries/" + id);
      // the analyzer's latest output beside the editor's: the AI column has its own summary
      assertThat(b.text(".side-by-side tbody tr:nth-child(1) .ai"))
          .startsWith("The harbour council voted");
      assertThat(b.text(".side-by-side tbody tr:nth-child(1) .shown"))
          .startsWith("Editor: the council will dredge");
      assertThat(b.text(".side-by-side tbody tr:nth-child(4) .shown")).startsWith(category);
      assertThat(b.fits()).isTrue();
      b.screenshot("entry-after-rerun");
    }
  }
}
