package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.store.Entry;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import dev.pulse.store.TestEntries;
import dev.pulse.store.TestStores;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pulse serve --db postgresql://...} end to end, as a real process: an account made with
 * {@code pulse users add} signs in, approves an entry under {@code review: required}, and the
 * public site of the same process follows; SIGTERM stops it with exit 0.
 */
class ServePostgresIT {

  private static final Duration LIMIT = Duration.ofMinutes(2);
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir Path dir;

  @Test
  void theDeskServesAndReviewsAPostgresqlStore() throws Exception {
    String db = TestStores.newPostgresDatabase();
    try (Store store = Stores.open(StoreLocation.parse(db), Stores.Access.WRITE, Map.of())) {
      store.entryStore().upsert(entry(1, "Harbour reopens after the storm"));
      store.entryStore().upsert(entry(2, "Council votes on the new bridge"));
    }
    Path config =
        Files.writeString(
            dir.resolve("pulse.yml"), "taxonomy: data/categories.yml\nreview: required\n");
    assertThat(usersAdd(config, db)).isEqualTo(0);

    PulseProcess serve =
        PulseProcess.start(
            dir,
            "serve",
            null,
            Map.of(),
            Map.of(),
            "serve",
            "--config",
            config.toString(),
            "--db",
            db,
            "--port",
            "0");
    try {
      String[] base = new String[1];
      PulseProcess.await(
          LIMIT,
          "pulse serve to listen",
          () -> {
            Matcher m = Pattern.compile("serving (http://\\S+)/ ").matcher(read(serve.stdout));
            base[0] = m.find() ? m.group(1) : null;
            return base[0] != null || !serve.process.isAlive();
          });
      assertThat(base[0]).as(serve.output()).isNotNull();
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String url = base[0];
      String entryPage = "/entries/" + entry(1, "").id() + ".html";

      // nothing is approved yet: the public site shows neither entry
      awaitStatus(http, url + entryPage, 404);

      HttpResponse<String> login =
          post(http, url, "/desk/login", Map.of("name", "ada", "password", "a long secret pass"));
      assertThat(login.statusCode()).as(login.body()).isIn(302, 303);
      HttpResponse<String> queue = get(http, url + "/desk");
      assertThat(queue.body()).contains("Harbour reopens after the storm");
      HttpResponse<String> approve =
          post(
              http,
              url,
              "/desk/entries/" + entry(1, "").id() + "/review",
              Map.of("state", "approved"));
      assertThat(approve.statusCode()).as(approve.body()).isIn(302, 303);

      // approved: the public page appears (rendered again in the background)
      awaitStatus(http, url + entryPage, 200);
      assertThat(get(http, url + entryPage).body()).contains("Harbour reopens after the storm");

      serve.process.toHandle().destroy(); // SIGTERM
      assertThat(serve.exitCode(LIMIT)).as(serve.output()).isEqualTo(0);
    } finally {
      serve.process.destroyForcibly();
    }
  }

  private int usersAdd(Path config, String db) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream("a long secret pass\n".getBytes(StandardCharsets.UTF_8)));
    try {
      return PulseCli.execute(
          new PrintWriter(new StringWriter(), true),
          new PrintWriter(new StringWriter(), true),
          "users",
          "add",
          "ada",
          "--role",
          "admin",
          "--config",
          config.toString(),
          "--db",
          db);
    } finally {
      System.setIn(before);
    }
  }

  private static void awaitStatus(HttpClient http, String url, int status)
      throws InterruptedException {
    PulseProcess.await(
        LIMIT, url + " to answer " + status, () -> get(http, url).statusCode() == status);
  }

  private static HttpResponse<String> post(
      HttpClient http, String base, String path, Map<String, String> form) {
    Matcher m = CSRF.matcher(get(http, base + "/desk/login").body());
    String csrf = m.find() ? m.group(1) : "";
    HttpResponse<String> page = get(http, base + "/desk");
    Matcher signedIn = CSRF.matcher(page.body());
    if (page.statusCode() == 200 && signedIn.find()) {
      csrf = signedIn.group(1);
    }
    Map<String, String> all = new java.util.LinkedHashMap<>(form);
    all.put("csrf", csrf);
    String body =
        all.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        http,
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> get(HttpClient http, String url) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static Entry entry(int i, String title) {
    return TestEntries.entry(i, title);
  }
}
