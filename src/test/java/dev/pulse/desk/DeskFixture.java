package dev.pulse.desk;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.editorial.Passwords;
import dev.pulse.editorial.Published;
import dev.pulse.editorial.ReviewMode;
import dev.pulse.editorial.Role;
import dev.pulse.publish.SiteRenderer;
import dev.pulse.publish.SiteSettings;
import dev.pulse.publish.TopicSummarizer;
import dev.pulse.store.Entry;
import dev.pulse.store.Provenance;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.StoreLock;
import dev.pulse.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A store with a few entries and two accounts (editor "ed", admin "ada", password {@link
 * #PASSWORD}), and a desk server on a free loopback port.
 */
final class DeskFixture implements AutoCloseable {

  static final String PASSWORD = "correct horse battery";
  static final List<String> CATEGORIES =
      dev.pulse.analyze.Taxonomy.load(Path.of("data", "categories.yml")).names();

  /** The review mode the public site follows; tests may switch it. */
  volatile ReviewMode mode = ReviewMode.OPTIONAL;

  final Path db;
  final Store entries;
  final JdbcDeskStore desk;
  final DeskServer server;
  final BackgroundRuns runs;

  /** What the desk's runs did: "batch" or the URL of a rerun. */
  final java.util.List<String> launched = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** While closed, the desk's runs wait for it after recording what they would do. */
  volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

  final BackgroundRuns.Launcher launcher =
      new BackgroundRuns.Launcher() {
        @Override
        public void runBatch(StoreLock held) {
          launched.add("batch");
          pass();
        }

        @Override
        public void rerun(String url, StoreLock held) {
          launched.add(url);
          pass();
        }

        private void pass() {
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
  final String base;

  DeskFixture(Path dir, int entryCount) {
    this(dir, entryCount, DeskSettings.defaults());
  }

  DeskFixture(Path dir, int entryCount, DeskSettings settings) {
    db = dir.resolve("pulse.db");
    entries = Stores.sqlite(db);
    for (int i = 0; i < entryCount; i++) {
      entries.entryStore().upsert(entry(i));
    }
    desk = new JdbcDeskStore(entries);
    desk.addAccount("ed", Role.EDITOR, Passwords.hash(PASSWORD.toCharArray()));
    desk.addAccount("ada", Role.ADMIN, Passwords.hash(PASSWORD.toCharArray()));
    SiteRenderer renderer =
        new SiteRenderer(SiteSettings.defaults(), e -> null, TopicSummarizer.extractive())
            .withFeedback("/");
    SiteSource site =
        new SiteSource() {
          @Override
          public Map<String, byte[]> render() {
            return renderer.render(Published.entries(entries.entryStore().entries(), desk, mode));
          }

          @Override
          public String signature() {
            return desk.publishedSignature();
          }
        };
    runs =
        new BackgroundRuns(
            entries.runLog(),
            StoreLocation.sqlite(db),
            Map.of(),
            launcher,
            settings.clock(),
            settings.zone(),
            job -> {});
    server =
        new DeskServer(
                settings,
                new DeskServices(
                    desk,
                    desk,
                    entries.entryStore(),
                    entries.runLog(),
                    CATEGORIES,
                    site,
                    runs,
                    desk))
            .start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
    SERVERS.put(base, server);
  }

  private static final Map<String, DeskServer> SERVERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Waits until the public site served at {@code base} (if a fixture serves it) reflects every
   * change made so far: it is rendered in the background, and a reader in these tests looks once
   * that is done.
   */
  static void settle(String base) {
    DeskServer s = SERVERS.get(base);
    if (s != null) {
      s.awaitSite(java.time.Duration.ofMinutes(2));
    }
  }

  static String id(int i) {
    return sha256(url(i));
  }

  static String url(int i) {
    return "https://news.example/story-" + i;
  }

  static Entry entry(int i) {
    Instant published = Instant.parse("2026-11-01T08:00:00Z").plusSeconds(60L * i);
    Provenance p =
        new Provenance(
            "embedded",
            "all-minilm-l6-v2-q",
            "embedded-1",
            "jsoup-1",
            published.plusSeconds(60),
            published.plusSeconds(120),
            sha256("text " + i),
            Usage.NONE);
    String[] categories = {"World", "Science", "Business"};
    Sentiment[] tones = {Sentiment.POSITIVE, Sentiment.NEUTRAL, Sentiment.NEGATIVE};
    return new Entry(
        id(i),
        url(i),
        i % 2 == 0 ? "Daily Planet" : "Gotham Gazette",
        "Story number " + i + " about the harbour",
        "Lois Lane",
        OffsetDateTime.ofInstant(published, ZoneOffset.UTC),
        "Daily Planet",
        "en",
        null,
        "Text of story " + i + ".",
        "Summary of story " + i + ". It matters to the city.",
        null,
        tones[i % 3],
        categories[i % 3],
        List.of("Harbour"),
        p);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    SERVERS.remove(base);
    server.close();
    runs.close();
    entries.close();
  }
}
