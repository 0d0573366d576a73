package dev.pulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.desk.BackgroundRuns;
import dev.pulse.desk.DeskServer;
import dev.pulse.desk.DeskServices;
import dev.pulse.desk.DeskSettings;
import dev.pulse.desk.SiteSource;
import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.editorial.Published;
import dev.pulse.editorial.ReviewMode;
import dev.pulse.publish.SiteRenderer;
import dev.pulse.publish.SiteSettings;
import dev.pulse.publish.TopicSummarizer;
import dev.pulse.similar.StoredEntryVectors;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse serve}: the public site and the editorial desk in one process, until SIGTERM or
 * Ctrl-C (then it stops accepting requests, finishes those in flight and exits 0).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the public site and the editorial desk (/desk) from the store.")
final class ServeCommand implements Callable<Integer> {

  private static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(20);

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;
  @Mixin AnalyzerOption analyzer;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every"
              + " interface, behind a TLS reverse proxy: docs/desk.md)")
  String bind;

  @Override
  public Integer call() throws InterruptedException {
    PulseConfig cfg = config.load();
    String where = store.setting(cfg);
    SiteSettings site;
    try {
      site = Publishing.settings(cfg.site());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ConfigException("invalid config: site: " + e.getMessage(), e);
    }
    DeskSettings settings = settings(cfg.desk()).withZone(site.zone());
    ReviewMode mode = ReviewMode.parse(cfg.review());
    List<String> categories = Taxonomy.load(cfg.taxonomy()).names();
    Store entries = store.openForWriting(cfg);
    JdbcDeskStore desk = new JdbcDeskStore(entries);
    java.util.concurrent.atomic.AtomicReference<DeskServer> started =
        new java.util.concurrent.atomic.AtomicReference<>();
    BackgroundRuns runs =
        new BackgroundRuns(
            entries.runLog(),
            dev.pulse.store.StoreLocation.parse(where),
            System.getenv(),
            launcher(cfg, where),
            java.time.Clock.systemUTC(),
            settings.zone(),
            job -> {
              DeskServer s = started.get();
              if (s != null) {
                s.invalidateSite();
              }
            });
    DeskServer server =
        new DeskServer(
            settings,
            new DeskServices(
                desk,
                desk,
                entries.entryStore(),
                entries.runLog(),
                categories,
                siteSource(entries, desk, site, mode),
                runs,
                desk));
    started.set(server);
    try {
      server.start(bind, port);
    } catch (RuntimeException e) {
      runs.close();
      entries.close();
      throw new ConfigException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "serving http://%s:%d/ (desk: /desk)%n",
            bind.contains(":") ? "[" + bind + "]" : bind, server.port());
    // SIGTERM or Ctrl-C: stop accepting requests, finish those in flight, exit 0 (a watchdog
    // halts the process if that takes longer than the grace period)
    CountDownLatch stop = new CountDownLatch(1);
    try (Signals signals = Signals.onStop(signal -> stop.countDown(), STOP_GRACE)) {
      stop.await();
    } finally {
      try {
        server.close();
        runs.close();
      } finally {
        entries.close();
      }
    }
    return ExitCodes.OK;
  }

  /** The desk's runs: the configured batch and single URLs, through the same wiring as the CLI. */
  private BackgroundRuns.Launcher launcher(PulseConfig cfg, String where) {
    return new BackgroundRuns.Launcher() {
      @Override
      public void runBatch(StoreLock held) {
        if (cfg.sources().isEmpty()) {
          throw new ConfigException("no sources configured in " + config.file);
        }
        try (Wiring w = Wiring.openHolding(cfg, where, analyzer, "desk", held)) {
          w.pipeline().run("desk", cfg.sources());
        }
      }

      @Override
      public void rerun(String url, StoreLock held) {
        try (Wiring w = Wiring.openHolding(cfg, where, analyzer, "desk", held)) {
          w.pipeline().rerunKeepingSource(url, java.net.URI.create(url).getHost());
        }
      }
    };
  }

  private static final Set<String> DESK_KEYS =
      Set.of("session_idle", "lock_timeout", "trust_proxy", "vote_retention");

  /** The {@code desk:} section over the defaults; an unknown key or a bad value is named. */
  static DeskSettings settings(JsonNode desk) {
    for (var it = desk.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!DESK_KEYS.contains(key)) {
        throw new ConfigException(
            "invalid config: desk: unknown key '"
                + key
                + "' (known: "
                + String.join(", ", new TreeSet<>(DESK_KEYS))
                + ")");
      }
    }
    DeskSettings s = DeskSettings.defaults();
    try {
      if (desk.hasNonNull("session_idle")) {
        s = s.withSessionIdle(PulseConfig.duration(desk.get("session_idle").asText()));
      }
      if (desk.hasNonNull("vote_retention")) {
        s = s.withVoteRetention(PulseConfig.duration(desk.get("vote_retention").asText()));
      }
      if (desk.hasNonNull("lock_timeout")) {
        s = s.withLockInactivity(PulseConfig.duration(desk.get("lock_timeout").asText()));
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid config: desk: " + e.getMessage(), e);
    }
    return s.withTrustProxy(desk.path("trust_proxy").asBoolean(false));
  }

  /**
   * The site of {@code pulse site}, rendered from the store (roll-ups extractive: no paid calls).
   */
  static SiteSource siteSource(
      Store store, JdbcDeskStore desk, SiteSettings settings, ReviewMode mode) {
    SiteRenderer renderer =
        new SiteRenderer(
                settings, new StoredEntryVectors(store.vectorCache()), TopicSummarizer.extractive())
            .withFeedback("/")
            .withReviewRequired(mode == ReviewMode.REQUIRED);
    return new SiteSource() {
      @Override
      public Map<String, byte[]> render() {
        return renderer.render(Published.entries(store.entryStore().entries(), desk, mode));
      }

      @Override
      public String signature() {
        return desk.publishedSignature();
      }
    };
  }
}
