package dev.pulse.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pulse.store.Entry;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole CLI in-process against WireMock on loopback: discovery, fetch, extraction, the embedded
 * analyzer, the store, export and the site, with bad input beside good. On a SQLite file here;
 * {@link PulseEndToEndPostgresTest} runs the same on PostgreSQL.
 */
class PulseEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SENTIMENTS = Set.of("Positive", "Neutral", "Negative");

  @TempDir Path dir;
  private WireMockServer wm;
  private Path config;

  /** The store setting given to --db. */
  private String db;

  /** A new, empty store's setting (--db): a SQLite file here. */
  String newStore(Path dir) {
    return dir.resolve("pulse.db").toString();
  }

  @BeforeEach
  void start() throws IOException {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(
        get(urlPathEqualTo("/feed.xml"))
            .willReturn(ok("application/rss+xml", fixture("feed.xml").replace("{{BASE}}", base))));
    wm.stubFor(
        get(urlPathEqualTo("/news/tidal-power.html"))
            .willReturn(ok("text/html; charset=utf-8", fixture("tidal-power.html"))));
    wm.stubFor(
        get(urlPathEqualTo("/news/flooding.html"))
            .willReturn(ok("text/html; charset=utf-8", fixture("flooding.html"))));
    wm.stubFor(
        get(urlPathEqualTo("/sport/rovers-cup.html"))
            .willReturn(ok("text/html", fixture("rovers-cup.html"))));
    wm.stubFor(
        get(urlPathEqualTo("/news/empty.html")).willReturn(ok("text/html", fixture("empty.html"))));
    wm.stubFor(
        get(urlPathEqualTo("/files/report.pdf"))
            .willReturn(ok("application/pdf", "%PDF-1.4 not html")));
    wm.stubFor(get(urlPathEqualTo("/gone.xml")).willReturn(aResponse().withStatus(404)));
    wm.stubFor(
        get(urlPathEqualTo("/broken.xml"))
            .willReturn(ok("application/rss+xml", "<rss><channel><item><title>unclosed")));
    wm.stubFor(get(urlPathEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
    db = newStore(dir);
    config =
        Files.writeString(
            dir.resolve("sources.yml"),
            """
            user_agent: "PulseTest/1 (+https://pulse.example/contact)"
            taxonomy: data/categories.yml
            fetch:
              allow: ["127.0.0.1"]
              min_host_delay: 0s
            sources:
              - name: Harbourtown Ledger
                url: %1$s/feed.xml
              - name: Gone
                url: %1$s/gone.xml
              - name: Broken
                url: %1$s/broken.xml
            """
                .formatted(base));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(
      String type, String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = PulseEndToEndTest.class.getResourceAsStream("/fixtures/e2e/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private record Result(int code, String out, String err) {}

  private Result pulse(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PulseCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aRunStoresTheGoodArticlesAndRecordsWhyTheOthersFailed() {
    Result r =
        pulse(
            "run",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "embedded",
            "--out",
            dir.resolve("site").toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.PARTIAL);
    try (Store store = Stores.open(db, Stores.Access.WRITE)) {
      List<Entry> entries = store.entryStore().entries();
      assertThat(entries)
          .extracting(Entry::title)
          .containsExactlyInAnyOrder(
              "Harbourtown opens its first tidal power station",
              "Flooding closes the coastal road for a week",
              "Harbourtown Rovers win the regional cup");
      for (Entry e : entries) {
        assertThat(e.summary()).isNotBlank();
        assertThat(e.provenance().analyzer()).isEqualTo("embedded");
        assertThat(e.url()).doesNotContain("utm_source");
      }
      RunRecord run = store.runLog().runs().get(0);
      assertThat(run.status()).isEqualTo("partial");
      assertThat(run.counts()).containsEntry("stored", 3);
      assertThat(store.runLog().failures(run.id()))
          .extracting(ItemFailure::stage)
          .contains("discover", "fetch", "extract");
      assertThat(store.runLog().failures(run.id()))
          .extracting(ItemFailure::reason)
          .contains("http-404", "bad-feed", "content-type", "no-article", "invalid-url");
      assertThat(store.runLog().failures(run.id()))
          .anySatisfy(f -> assertThat(f.url()).endsWith("/gone.xml"))
          .anySatisfy(f -> assertThat(f.url()).endsWith("/broken.xml"))
          .anySatisfy(f -> assertThat(f.url()).endsWith("/files/report.pdf"))
          .anySatisfy(f -> assertThat(f.url()).endsWith("/news/empty.html"));
    }
    assertThat(dir.resolve("site/index.html")).exists();
  }

  @Test
  void extractPrintsTheMetadataThatTheRunStored() throws Exception {
    pulse(
        "run",
        "--config",
        config.toString(),
        "--db",
        db.toString(),
        "--analyzer",
        "embedded",
        "--no-site");
    List<Entry> entries;
    try (Store store = Stores.open(db, Stores.Access.WRITE)) {
      entries = store.entryStore().entries();
    }
    assertThat(entries).isNotEmpty();
    for (Entry e : entries) {
      String name = e.url().substring(e.url().lastIndexOf('/') + 1);
      Path page = Files.writeString(dir.resolve(name), fixture(name));

      Result r = pulse("extract", "--url", e.url(), page.toString());

      JsonNode json = new ObjectMapper().readTree(r.out().strip());
      assertThat(json.get("title").asText()).as(name).isEqualTo(e.title());
      assertThat(json.get("byline").isNull() ? null : json.get("byline").asText())
          .as(name)
          .isEqualTo(e.byline());
      assertThat(json.get("site_name").isNull() ? null : json.get("site_name").asText())
          .as(name)
          .isEqualTo(e.siteName());
      assertThat(json.get("language").isNull() ? null : json.get("language").asText())
          .as(name)
          .isEqualTo(e.language());
      assertThat(json.get("image").isNull() ? null : json.get("image").asText())
          .as(name)
          .isEqualTo(e.image());
      assertThat(
              json.get("published").isNull()
                  ? null
                  : java.time.OffsetDateTime.parse(json.get("published").asText()).toInstant())
          .as(name)
          .isEqualTo(e.published() == null ? null : e.published().toInstant());
      assertThat(json.get("text").asText()).as(name).isEqualTo(e.text());
    }
  }

  @Test
  void aSecondRunUpdatesInsteadOfDuplicatingAndAnalyzesNothingNew() {
    pulse(
        "run",
        "--config",
        config.toString(),
        "--db",
        db.toString(),
        "--analyzer",
        "embedded",
        "--no-site");
    Result second =
        pulse(
            "run",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "embedded",
            "--no-site");

    assertThat(second.out()).contains("unchanged=3").contains("stored=0");
    try (Store store = Stores.open(db, Stores.Access.WRITE)) {
      assertThat(store.entryStore().entries()).hasSize(3);
      assertThat(store.runLog().runs()).hasSize(2);
    }
  }

  @Test
  void exportWritesOneDocumentedJsonLinePerEntry() throws Exception {
    pulse(
        "run",
        "--config",
        config.toString(),
        "--db",
        db.toString(),
        "--analyzer",
        "embedded",
        "--no-site");
    Path out = dir.resolve("entries.jsonl");
    Result r = pulse("export", "--db", db.toString(), "--out", out.toString());

    assertThat(r.code()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      assertThat(e.get("id").asText()).hasSize(64);
      assertThat(SENTIMENTS).contains(e.get("sentiment").asText());
      assertThat(e.get("summary").asText()).isNotBlank();
      assertThat(e.get("topics").isArray()).isTrue();
      assertThat(e.get("provenance").get("content_hash").asText()).hasSize(64);
      assertThat(e.get("provenance").get("analysis_language").asText()).isEqualTo("en");
    }
  }

  @Test
  void aRunNextToWorkersLeavesALiveWorkersRunRunningAndMarksADeadWorkersAbandoned()
      throws Exception {
    long live;
    long dead;
    try (Store s = Stores.open(db, Stores.Access.WRITE)) {
      live = s.runLog().startRun("worker", "a");
      dead = s.runLog().startRun("worker", "a");
    }
    String jdbc = db.startsWith("postgresql:") ? "jdbc:" + db : "jdbc:sqlite:" + db;
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbc);
        java.sql.Statement st = c.createStatement()) {
      long now = System.currentTimeMillis();
      st.executeUpdate(
          "INSERT INTO workers (name, host, pid, started_ms, heartbeat_ms, run_id) VALUES"
              + " ('beating', 'node-1', 7, 0, "
              + (now + 60_000)
              + ", "
              + live
              + "), ('killed', 'node-2', 8, 0, 0, "
              + dead
              + ")");
    }
    Path cfg =
        Files.writeString(
            dir.resolve("with-workers.yml"),
            Files.readString(config) + "worker:\n  heartbeat_timeout: 2s\n");
    Thread.sleep(2100); // both runs started more than a heartbeat timeout ago

    Result r =
        pulse("run", "--config", cfg.toString(), "--db", db, "--analyzer", "embedded", "--no-site");

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
    try (Store s = Stores.open(db, Stores.Access.READ_ONLY)) {
      assertThat(s.runLog().runs())
          .filteredOn(x -> x.command().equals("worker"))
          .extracting(RunRecord::id, RunRecord::status)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple(dead, "abandoned"),
              org.assertj.core.api.Assertions.tuple(live, "running"));
    }
  }

  @Test
  void siteRendersFromTheStoreWithoutWritingIt() throws Exception {
    pulse("run", "--config", config.toString(), "--db", db, "--analyzer", "embedded", "--no-site");
    Result r =
        pulse(
            "site",
            "--config",
            config.toString(),
            "--db",
            db,
            "--roll-ups",
            "extractive",
            "--out",
            dir.resolve("site2").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("site: 3 entries");
    assertThat(dir.resolve("site2/index.html")).exists();
  }

  @Test
  void rerunPrintsTheEntryForOneUrl() throws Exception {
    Result r =
        pulse(
            "rerun",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "embedded",
            "http://127.0.0.1:" + wm.port() + "/sport/rovers-cup.html");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode e = JSON.readTree(r.out());
    assertThat(e.get("title").asText()).isEqualTo("Harbourtown Rovers win the regional cup");
    assertThat(e.get("category").asText()).isNotBlank();
  }

  @Test
  void runAndRerunUseAnOpenAiCompatibleEndpointAndAnUnchangedRerunCallsItNoMore() throws Exception {
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/chat/completions"))
            .willReturn(ok("application/json", chatCompletion())));
    String llmBase = "http://127.0.0.1:" + wm.port() + "/v1";
    String rovers = "http://127.0.0.1:" + wm.port() + "/sport/rovers-cup.html";

    Result run =
        pulse(
            "run",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "llm",
            "--base-url",
            llmBase,
            "--model",
            "local-model",
            "--no-site");
    assertThat(run.out()).contains("stored=3").contains("llm: 3 calls");
    assertThat(chatRequests()).isEqualTo(3);

    Result rerun =
        pulse(
            "rerun",
            "--config",
            config.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "llm",
            "--base-url",
            llmBase,
            "--model",
            "local-model",
            rovers);
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(chatRequests()).isEqualTo(3);
    JsonNode entry = JSON.readTree(rerun.out());
    assertThat(entry.get("provenance").get("analyzer").asText()).isEqualTo("llm");
    assertThat(entry.get("provenance").get("model").asText()).isEqualTo("local-model");
    assertThat(entry.get("editors_note").asText()).isNotBlank();

    pulse(
        "rerun",
        "--config",
        config.toString(),
        "--db",
        db.toString(),
        "--analyzer",
        "llm",
        "--base-url",
        llmBase,
        "--model",
        "local-model",
        "--force",
        rovers);
    assertThat(chatRequests()).isEqualTo(4);
  }

  private int chatRequests() {
    return wm.countRequestsMatching(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    urlPathEqualTo("/v1/chat/completions"))
                .build())
        .getCount();
  }

  /** An OpenAI chat.completion body whose content is a valid analysis for the shipped taxonomy. */
  private static String chatCompletion() {
    var content = JSON.createObjectNode();
    content.put(
        "summary",
        "Harbourtown had a busy week of local news. The council and the football club both made headlines.");
    content.put("editors_note", "Local stories like these shape daily life in the town.");
    content.put("sentiment", "Neutral");
    content.put("category", "Sports");
    content.putArray("topics").add("Harbourtown");
    var root = JSON.createObjectNode();
    root.put("id", "chatcmpl-test");
    root.put("object", "chat.completion");
    root.put("created", 1764086400L);
    root.put("model", "local-model");
    var choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.put("finish_reason", "stop");
    var message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content.toString());
    var usage = root.putObject("usage");
    usage.put("prompt_tokens", 900);
    usage.put("completion_tokens", 80);
    usage.put("total_tokens", 980);
    return root.toString();
  }

  @Test
  void articlesOfARunStoppedByRejectedCredentialsAreProcessedByTheNextRunEvenWhenTheFeedAnswers304()
      throws Exception {
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(
        get(urlPathEqualTo("/feed.xml"))
            .atPriority(5)
            .willReturn(
                ok("application/rss+xml", fixture("feed.xml").replace("{{BASE}}", base))
                    .withHeader("ETag", "\"f1\"")));
    wm.stubFor(
        get(urlPathEqualTo("/feed.xml"))
            .atPriority(1)
            .withHeader(
                "If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"f1\""))
            .willReturn(aResponse().withStatus(304)));
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
    Path oneSource =
        Files.writeString(
            dir.resolve("one.yml"),
            "taxonomy: data/categories.yml\nfetch:\n  allow: [\"127.0.0.1\"]\n  min_host_delay: 0s\nsources:\n  - name: Ledger\n    url: "
                + base
                + "/feed.xml\n");

    Result stopped =
        pulse(
            "run",
            "--config",
            oneSource.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "llm",
            "--base-url",
            base + "/v1",
            "--no-site");
    assertThat(stopped.code()).as(stopped.out() + stopped.err()).isEqualTo(ExitCodes.FATAL);

    Result next =
        pulse(
            "run",
            "--config",
            oneSource.toString(),
            "--db",
            db.toString(),
            "--analyzer",
            "embedded",
            "--no-site");
    assertThat(next.out()).contains("sources_unchanged=1").contains("stored=3");
  }

  @Test
  void aRunWhileAnotherHoldsTheStoreIsRefusedNamingTheHolder() {
    assertThat(pulse("store", "migrate", "--db", db).code()).isEqualTo(ExitCodes.OK);
    try (dev.pulse.store.StoreLock held =
        dev.pulse.store.StoreLock.acquire(
            dev.pulse.store.StoreLocation.parse(db),
            "run",
            java.time.Duration.ZERO,
            System.getenv())) {
      Result r =
          pulse(
              "run",
              "--config",
              config.toString(),
              "--db",
              db,
              "--analyzer",
              "embedded",
              "--no-site");

      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.BUSY);
      assertThat(r.err())
          .contains("the store is in use by another run (pulse run, pid " + held.holder().pid());
    }
  }

  @Test
  void aWrongFlagOrMissingConfigGivesAClearMessageAndExitCode() {
    Result flag = pulse("run", "--no-such-flag");
    assertThat(flag.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(flag.err()).contains("no-such-flag");

    Result missing = pulse("run", "--config", dir.resolve("nope.yml").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(missing.err()).contains("config file not found");

    Result badUrl = pulse("rerun", "--db", db.toString(), "ftp://x.example/file");
    assertThat(badUrl.code()).isEqualTo(ExitCodes.CONFIG);
    assertThat(badUrl.err()).contains("not an http(s) URL");
  }
}
