package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.store.Entry;
import dev.pulse.store.Store;
import dev.pulse.store.StoreCopy;
import dev.pulse.store.Stores;
import dev.pulse.store.TestStores;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety at process level: {@code pulse run} in its own JVM over {@value #ARTICLES} articles
 * from a slow loopback server, killed with SIGKILL at {@value #KILLS} random moments (after a
 * random number of article pages were served, plus a random pause, so every kill lands while
 * articles are being fetched, analyzed and stored). After each kill the store passes its integrity
 * check and holds no half-written item (an entry without its fingerprint, validators of an article
 * that is not stored); a last run, left to finish, ends with every article stored exactly once. On
 * SQLite and on PostgreSQL. The analyzer is the LLM one against a fake OpenAI-compatible endpoint
 * on the same server, so the forty child JVMs spend their time on fetching and storing, not on
 * loading the embedding model.
 *
 * <p>About 40 JVMs: several minutes on a loaded 2-core machine, so it runs when {@code
 * PULSE_CRASH_TEST=1} ({@code scripts/crash-store.sh}), not in every {@code mvn verify}.
 */
@EnabledIfEnvironmentVariable(named = "PULSE_CRASH_TEST", matches = "1")
class StoreCrashIT {

  private static final int ARTICLES = 110;
  private static final int KILLS = 20;
  private static final String[] WORDS =
      ("council harbour budget river school bridge market station tram flood storm vote mayor"
              + " museum library festival rail port farm wind solar plant road hospital nurse court"
              + " judge police fire crew ferry island coast cliff lake forest park garden theatre"
              + " choir team match league cup goal coach player season ticket fan stadium price"
              + " bread milk fuel rent wage tax bank loan shop factory chip robot code data cloud")
          .split(" ");

  /** A valid analysis for the shipped taxonomy, as an OpenAI chat.completion. */
  private static final String CHAT_COMPLETION =
      """
      {"id":"chatcmpl-crash","object":"chat.completion","created":1764086400,"model":"m",
       "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":
       "{\\"summary\\":\\"The town had a busy week of local news. The council and the club both made headlines.\\",\\"editors_note\\":\\"Local stories like these shape daily life.\\",\\"sentiment\\":\\"Neutral\\",\\"category\\":\\"Sports\\",\\"topics\\":[\\"Harbourtown\\"]}"}}],
       "usage":{"prompt_tokens":900,"completion_tokens":80,"total_tokens":980}}
      """;

  @TempDir Path dir;
  private final AtomicInteger served = new AtomicInteger();
  private HttpServer server;
  private String base;

  @BeforeEach
  void startSlowServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String type = "text/html; charset=utf-8";
    String body;
    int status = 200;
    if (path.equals("/v1/chat/completions")) {
      ex.getRequestBody().readAllBytes();
      type = "application/json";
      body = CHAT_COMPLETION;
    } else if (path.equals("/feed.xml")) {
      type = "application/rss+xml";
      body = feed();
    } else if (path.startsWith("/a/")) {
      sleep(20 + (path.hashCode() & 0x1f));
      int n = Integer.parseInt(path.substring(3, path.indexOf(".html")));
      body = article(n);
      ex.getResponseHeaders().add("ETag", "\"a" + n + "\"");
      served.incrementAndGet();
    } else {
      status = 404;
      body = "";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String feed() {
    String items =
        IntStream.range(0, ARTICLES)
            .mapToObj(
                n ->
                    "<item><title>Story "
                        + n
                        + "</title><link>"
                        + base
                        + "/a/"
                        + n
                        + ".html</link></item>")
            .collect(Collectors.joining());
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash Wire</title><link>"
        + base
        + "</link><description>d</description>"
        + items
        + "</channel></rss>";
  }

  /** An article whose words differ from every other's, so none is a near-duplicate. */
  private static String article(int n) {
    Random r = new Random(n * 7919L);
    StringBuilder html =
        new StringBuilder("<!doctype html><html lang=\"en\"><head><title>Story ")
            .append(n)
            .append("</title></head><body><article><h1>Story ")
            .append(n)
            .append(" about the ")
            .append(WORDS[n % WORDS.length])
            .append("</h1>");
    for (int p = 0; p < 5; p++) {
      html.append("<p>");
      for (int s = 0; s < 4; s++) {
        html.append("The ").append(WORDS[r.nextInt(WORDS.length)]);
        for (int w = 0; w < 10; w++) {
          html.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
        }
        html.append(" number ").append(n * 100 + p * 10 + s).append(". ");
      }
      html.append("</p>");
    }
    return html.append("</article></body></html>").toString();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aRunKilledAtRandomMomentsLeavesNoHalfWrittenItemAndTheNextRunStoresEveryArticleOnce(
      String dialect) throws Exception {
    String store =
        dialect.equals("sqlite")
            ? dir.resolve("pulse.db").toString()
            : TestStores.newPostgresDatabase();
    Path config =
        Files.writeString(
            dir.resolve("sources.yml"),
            "taxonomy: data/categories.yml\nfetch:\n  allow: [\"127.0.0.1\"]\n  min_host_delay: 0s\n"
                + "llm:\n  requests_per_minute: 0\n  tokens_per_minute: 0\n  max_concurrent: 4\n"
                + "sources:\n  - name: Crash Wire\n    url: "
                + base
                + "/feed.xml\n    max_items: 500\n");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> kills = new ArrayList<>();
    int killed = 0;
    int k = 0;
    for (; killed < KILLS && k < 2 * KILLS; k++) {
      int pages = 1 + random.nextInt(ARTICLES);
      int pause = random.nextInt(300);
      served.set(0);
      Process p = pulse(config, store, k);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (p.isAlive() && served.get() < pages && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      boolean ended = p.waitFor(pause, TimeUnit.MILLISECONDS);
      if (!ended) {
        p.destroyForcibly(); // SIGKILL on Unix
        p.waitFor();
        killed++;
      }
      String moment = pages + " pages + " + pause + "ms" + (ended ? " (ended first)" : "");
      kills.add(moment);
      checkIntegrity(dialect, store, "after kill " + k + " at " + moment + ", seed " + seed);
    }
    assertThat(killed).as("runs killed before they ended").isEqualTo(KILLS);
    Process last = pulse(config, store, k);
    assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("the last run ends").isTrue();
    assertThat(last.exitValue()).as(Files.readString(dir.resolve("run-" + k + ".err"))).isZero();
    checkIntegrity(dialect, store, "after the last run, seed " + seed);
    try (Store s = Stores.open(store, Stores.Access.READ_ONLY)) {
      List<String> urls = s.entryStore().entries().stream().map(Entry::url).sorted().toList();
      assertThat(urls).doesNotHaveDuplicates().hasSize(ARTICLES);
      assertThat(Set.copyOf(urls))
          .isEqualTo(
              IntStream.range(0, ARTICLES)
                  .mapToObj(n -> base + "/a/" + n + ".html")
                  .collect(Collectors.toSet()));
      assertThat(s.workQueue().retries(100)).isEmpty();
    }
    System.out.println(dialect + " kills (seed " + seed + "): " + kills);
  }

  private Process pulse(Path config, String store, int k) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Failsafe's real class path (java.class.path may be a manifest-only booter jar)
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(
            java,
            "-cp",
            classPath,
            PulseCli.class.getName(),
            "run",
            "--config",
            config.toString(),
            "--db",
            store,
            "--analyzer",
            "llm",
            "--base-url",
            base + "/v1",
            "--model",
            "m",
            "--no-site")
        .redirectOutput(dir.resolve("run-" + k + ".out").toFile())
        .redirectError(dir.resolve("run-" + k + ".err").toFile())
        .start();
  }

  /** The database's own check, then what a half-written item would leave. */
  private void checkIntegrity(String dialect, String store, String when) throws Exception {
    if (dialect.equals("sqlite") && Files.exists(Path.of(store))) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).as("integrity check " + when).isEqualTo("ok");
      }
    }
    try (Store s = Stores.open(store, Stores.Access.WRITE)) {
      Set<String> stored =
          s.entryStore().entries().stream().map(Entry::url).collect(Collectors.toSet());
      assertThat(s.entryStore().fingerprints().keySet())
          .as("every entry has its fingerprint " + when)
          .hasSize(stored.size());
      for (int n = 0; n < ARTICLES; n++) {
        String url = base + "/a/" + n + ".html";
        if (s.fetchState().get(url) != null) {
          assertThat(stored).as("validators only for a stored article " + when).contains(url);
        }
      }
      assertThat(StoreCopy.counts(s).get("alternates"))
          .as("no article is a duplicate " + when)
          .isZero();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
