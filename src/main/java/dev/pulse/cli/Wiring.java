package dev.pulse.cli;

import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.analyze.embedded.EmbeddedArticleAnalyzer;
import dev.pulse.analyze.llm.LlmGate;
import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.ConfigException;
import dev.pulse.config.FetchConfig;
import dev.pulse.config.PulseConfig;
import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.extract.JsoupArticleExtractor;
import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Fetcher;
import dev.pulse.fetch.HostGate;
import dev.pulse.fetch.PoliteFetcher;
import dev.pulse.fetch.Politeness;
import dev.pulse.fetch.ValidatorStore;
import dev.pulse.identity.UrlCanonicalizer;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.pipeline.PipelineSettings;
import dev.pulse.pipeline.RunReport;
import dev.pulse.publish.SiteReport;
import dev.pulse.publish.TopicSummarizer;
import dev.pulse.source.FeedSourceDiscoverer;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.StoreLock;
import dev.pulse.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the stages from the configuration, in one place: constructors, no framework. It holds the
 * store's {@link StoreLock} from before the store is opened (so no two runs overlap and no two
 * first runs race to create the schema) until closed. Closing it closes the analyzer, the fetcher
 * and the store, and lets go of the lock.
 */
final class Wiring implements AutoCloseable {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Wiring.class);

  private final StoreLock lock;

  /** Whether closing lets go of the lock (false when the caller took it). */
  private final boolean ownsLock;

  private final PulseConfig config;
  private final Store store;

  private final Fetcher fetcher;
  private final ArticleAnalyzer analyzer;
  private final Pipeline pipeline;
  private final String analyzerChoice;
  private final LlmSettings llm;

  private Wiring(
      StoreLock lock,
      boolean ownsLock,
      PulseConfig config,
      Store store,
      Fetcher fetcher,
      ArticleAnalyzer analyzer,
      Pipeline pipeline,
      String analyzerChoice,
      LlmSettings llm) {
    this.lock = lock;
    this.ownsLock = ownsLock;
    this.config = config;
    this.analyzerChoice = analyzerChoice;
    this.llm = llm;
    this.store = store;
    this.fetcher = fetcher;
    this.analyzer = analyzer;
    this.pipeline = pipeline;
  }

  /**
   * @param storeSetting the store: a SQLite file or a PostgreSQL URL, opened for writing
   * @param command what takes the store ("run", "demo", "rerun"), named to a second run
   * @param wait how long to wait for another run to let go of the store
   * @param demo the demo's own loopback server: let the fetcher reach 127.0.0.1 and do not pace
   *     requests to it
   * @param sharing how the process shares the store ({@link Sharing#EXCLUSIVE} for a run)
   * @throws StoreLock.Busy when another run still holds the store after {@code wait}
   */
  static Wiring open(
      PulseConfig cfg,
      String storeSetting,
      AnalyzerOption opt,
      boolean demo,
      String command,
      Duration wait,
      Sharing sharing) {
    return open(cfg, storeSetting, opt, demo, command, wait, sharing, null);
  }

  /**
   * The same, under a store lock the caller took already (the desk takes it when Run now is
   * pressed, to refuse at once when another run holds the store) and keeps: closing this leaves it
   * held.
   */
  static Wiring openHolding(
      PulseConfig cfg, String storeSetting, AnalyzerOption opt, String command, StoreLock held) {
    return open(cfg, storeSetting, opt, false, command, Duration.ZERO, Sharing.EXCLUSIVE, held);
  }

  /**
   * How a process shares its store with others.
   *
   * @param exclusive holds the store lock (a run, or the one worker of a SQLite store) and marks
   *     the runs that never ended as abandoned; false for the workers of a PostgreSQL store, who
   *     run side by side
   * @param hosts each host's turn across processes
   * @param llm the LLM account's limits across processes
   */
  record Sharing(boolean exclusive, HostGate hosts, LlmGate llm) {
    /** Alone on the store: the lock, this process's own pacing and limits. */
    static final Sharing EXCLUSIVE = new Sharing(true, HostGate.NONE, LlmGate.NONE);
  }

  private static Wiring open(
      PulseConfig cfg,
      String storeSetting,
      AnalyzerOption opt,
      boolean demo,
      String command,
      Duration wait,
      Sharing sharing,
      @Nullable StoreLock held) {
    Taxonomy taxonomy = Taxonomy.load(cfg.taxonomy());
    sourceCategories(cfg, taxonomy); // checked before the store is opened
    FetchSettings fetchSettings;
    Politeness politeness;
    UrlCanonicalizer canonicalizer;
    Duration workerTimeout;
    try {
      fetchSettings = FetchConfig.settings(cfg.fetch(), cfg.userAgent());
      politeness = FetchConfig.politeness(cfg.fetch());
      canonicalizer = UrlCanonicalizer.withExtraParams(FetchConfig.trackingParams(cfg.fetch()));
      FetchConfig.hostBreaker(cfg.fetch()); // checked now, used when the pipeline is wired
      // checked now, not after a long run that would then fail to publish
      Publishing.settings(cfg.site());
      workerTimeout = WorkerConfig.settings(cfg.worker(), cfg.site(), 8).heartbeatTimeout();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ConfigException("invalid config: " + e.getMessage(), e);
    }
    if (demo) {
      List<String> allow = new ArrayList<>(fetchSettings.allow());
      allow.add("127.0.0.1");
      fetchSettings = fetchSettings.withAllow(allow);
      politeness = politeness.withMinHostDelay(Duration.ZERO);
    }
    ArticleAnalyzer analyzer;
    LlmSettings llm = opt.llm(cfg);
    try {
      analyzer =
          AnalyzerChoice.create(
              opt.analyzer,
              taxonomy,
              EmbeddedArticleAnalyzer.DEFAULT_SUMMARY_WORDS,
              llm,
              sharing.llm());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    StoreLocation where = StoreLocation.parse(storeSetting);
    StoreLock lock = null;
    Store store = null;
    try {
      if (held != null) {
        lock = held;
      } else if (sharing.exclusive()) {
        lock = StoreLock.acquire(where, command, wait, System.getenv());
      }
    } catch (RuntimeException e) {
      analyzer.close();
      throw e;
    }
    try {
      if (lock != null) {
        lock.takenOver()
            .ifPresent(
                h -> log.warn("took over the store lock left by {} (process gone)", h.describe()));
      }
      store = Stores.open(storeSetting, Stores.Access.WRITE);
      // without a lock, the other workers' runs are theirs: none is marked abandoned here
      if (lock != null) {
        lock.recordHolder();
        // a worker's run is not this lock's to judge: it is abandoned only once its worker is dead
        Instant workersDeadBefore = Instant.now().minus(workerTimeout);
        for (RunRecord r : store.runLog().abandonRuns(workersDeadBefore)) {
          log.warn(
              "run {} ({}, started {}) never ended: its process died; marked abandoned, its items"
                  + " are queued",
              r.id(),
              r.command(),
              r.startedAt());
        }
      }
    } catch (RuntimeException e) {
      analyzer.close();
      if (store != null) {
        try {
          store.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
      }
      if (lock != null && held == null) {
        lock.close();
      }
      throw e;
    }
    return wire(
        cfg,
        opt,
        demo,
        fetchSettings,
        politeness,
        canonicalizer,
        analyzer,
        llm,
        taxonomy,
        where,
        lock,
        lock != null && held == null,
        store,
        sharing);
  }

  private static Wiring wire(
      PulseConfig cfg,
      AnalyzerOption opt,
      boolean demo,
      FetchSettings fetchSettings,
      Politeness politeness,
      UrlCanonicalizer canonicalizer,
      ArticleAnalyzer analyzer,
      LlmSettings llm,
      Taxonomy taxonomy,
      StoreLocation where,
      StoreLock lock,
      boolean ownsLock,
      Store store,
      Sharing sharing) {
    Fetcher fetcher =
        PoliteFetcher.create(fetchSettings, politeness, store.robotsStore(), sharing.hosts());
    Pipeline pipeline =
        new Pipeline(
            new FeedSourceDiscoverer(
                fetcher,
                validators(store.fetchState(), opt.force),
                Clock.systemUTC(),
                canonicalizer),
            fetcher,
            new JsoupArticleExtractor(),
            analyzer,
            store,
            taxonomy,
            PipelineSettings.DEFAULTS
                .withFetchLanes(PipelineSettings.lanesFor(politeness.maxConcurrency()))
                .withForce(opt.force)
                .withHostBreaker(FetchConfig.hostBreaker(cfg.fetch()))
                .withSourceCategories(sourceCategories(cfg, taxonomy)),
            canonicalizer);
    return new Wiring(lock, ownsLock, cfg, store, fetcher, analyzer, pipeline, opt.analyzer, llm);
  }

  /**
   * Each source's {@code category}, by source name, checked against the taxonomy now rather than on
   * the first item.
   */
  static Map<String, String> sourceCategories(PulseConfig cfg, Taxonomy taxonomy) {
    Map<String, String> out = new java.util.HashMap<>();
    for (var source : cfg.sources()) {
      if (source.category() == null) {
        continue;
      }
      String name =
          taxonomy
              .find(source.category())
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "source '"
                              + source.name()
                              + "': category '"
                              + source.category()
                              + "' is not in the taxonomy "
                              + cfg.taxonomy()
                              + "; use one of "
                              + String.join(", ", taxonomy.names())
                              + " or remove the key"))
              .name();
      out.put(source.name(), name);
    }
    return out;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  Store store() {
    return store;
  }

  /**
   * Which limit, not the work, set the pace of analysis, when one did (see {@link
   * ArticleAnalyzer#pacing()}).
   */
  java.util.Optional<String> pacing() {
    return java.util.Optional.ofNullable(analyzer.pacing());
  }

  /**
   * Renders the site from the store after run {@code runId}; {@code asOfNewest} for fixed data sets
   * such as the demo, {@code copies} to lead "Read the original" to copies kept in the site. The
   * trending topics' roll-ups come from the LLM exactly when the analyzer choice picks the LLM
   * ({@code --analyzer embedded} keeps them extractive); they share the run's LLM client and rate
   * limiter, and what they spent is added to the run's figures in the store.
   */
  Rendered renderSite(
      Path dir, boolean asOfNewest, java.util.Map<String, String> copies, long runId) {
    return render(dir, asOfNewest, copies, runId);
  }

  /**
   * The site outside a run (a worker's renders): the roll-ups still share the analyzer's client and
   * limiter; what they spend is logged per topic only.
   */
  SiteReport renderSite(Path dir, boolean asOfNewest) {
    return render(dir, asOfNewest, java.util.Map.of(), null).site();
  }

  private Rendered render(
      Path dir, boolean asOfNewest, java.util.Map<String, String> copies, @Nullable Long runId) {
    TopicSummarizer rollUps = Publishing.topicSummarizer(analyzerChoice, llm, analyzer);
    SiteReport site =
        Publishing.renderSite(
            store.entryStore(),
            store.vectorCache(),
            new JdbcDeskStore(store),
            config,
            dir,
            asOfNewest,
            rollUps,
            copies);
    Usage spent = Publishing.usage(rollUps);
    if (runId != null && spent.calls() > 0) {
      store.runLog().addUsage(runId, spent);
    }
    return new Rendered(site, spent);
  }

  /**
   * A rendered site and what its LLM roll-ups spent.
   *
   * @param site the site's figures
   * @param rollUps the roll-ups' LLM calls, tokens and cost (none when they were extractive)
   */
  record Rendered(SiteReport site, Usage rollUps) {

    /** The site's line, and one for the roll-ups' LLM usage when there was any. */
    String describe() {
      String line = Publishing.describe(site);
      if (rollUps.calls() == 0) {
        return line;
      }
      return line
          + String.format(
              Locale.ROOT,
              "%nroll-ups: %d LLM calls, %d tokens in, %d out, $%.4f (added to the run's figures)",
              rollUps.calls(),
              rollUps.inputTokens(),
              rollUps.outputTokens(),
              rollUps.costUsd());
    }
  }

  static int exitCode(RunReport report) {
    if (report.fatal() != null) {
      return ExitCodes.FATAL;
    }
    if (report.interrupted() != null) {
      return ExitCodes.INTERRUPTED;
    }
    return "partial".equals(report.status()) ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /**
   * Feed validators kept in the store, so feeds get conditional GETs across runs too; with {@code
   * force} none are sent (every feed is read afresh) but the new ones are still saved.
   */
  private static ValidatorStore validators(ValidatorStore kept, boolean force) {
    if (!force) {
      return kept;
    }
    return new ValidatorStore() {
      @Override
      public ValidatorStore.@Nullable Validators get(String url) {
        return null;
      }

      @Override
      public void put(String url, ValidatorStore.Validators v) {
        kept.put(url, v);
      }
    };
  }

  @Override
  public void close() {
    try {
      analyzer.close();
      fetcher.close();
    } finally {
      try {
        store.close();
      } finally {
        if (lock != null && ownsLock) {
          lock.close();
        }
      }
    }
  }
}
