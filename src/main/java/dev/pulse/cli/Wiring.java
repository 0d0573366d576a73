package dev.pulse.cli;

import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.config.PulseConfig;
import dev.pulse.extract.JsoupArticleExtractor;
import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Fetcher;
import dev.pulse.fetch.HttpFetcher;
import dev.pulse.fetch.ValidatorStore;
import dev.pulse.publish.SiteReport;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.pipeline.PipelineSettings;
import dev.pulse.pipeline.RunReport;
import dev.pulse.source.FeedSourceDiscoverer;
import dev.pulse.store.EntryStore;
import dev.pulse.store.SqliteEntryStore;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the stages from the configuration, in one place: constructors, no framework. Closing it
 * closes the store, the fetcher and the analyzer.
 */
final class Wiring implements AutoCloseable {

  private final PulseConfig config;
  private final EntryStore store;
  private final Fetcher fetcher;
  private final ArticleAnalyzer analyzer;
  private final Pipeline pipeline;

  private Wiring(PulseConfig config, EntryStore store, Fetcher fetcher, ArticleAnalyzer analyzer, Pipeline pipeline) {
    this.config = config;
    this.store = store;
    this.fetcher = fetcher;
    this.analyzer = analyzer;
    this.pipeline = pipeline;
  }

  /**
   * @param allowLoopback let the fetcher reach 127.0.0.1 (the demo's own server)
   */
  static Wiring open(PulseConfig cfg, Path db, AnalyzerOption opt, boolean allowLoopback) {
    Taxonomy taxonomy = Taxonomy.load(cfg.taxonomy());
    FetchSettings fs = fetchSettings(cfg, allowLoopback);
    ArticleAnalyzer analyzer;
    try {
      analyzer =
          AnalyzerChoice.create("auto".equals(opt.analyzer) ? "embedded" : opt.analyzer, taxonomy, 60);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    EntryStore store = SqliteEntryStore.open(db);
    Fetcher fetcher = new HttpFetcher(fs);
    Pipeline pipeline =
        new Pipeline(
            new FeedSourceDiscoverer(fetcher, validators(store), java.time.Clock.systemUTC()),
            fetcher,
            new JsoupArticleExtractor(),
            analyzer,
            store,
            taxonomy,
            PipelineSettings.DEFAULTS.withForce(opt.force));
    return new Wiring(cfg, store, fetcher, analyzer, pipeline);
  }

  Pipeline pipeline() {
    return pipeline;
  }

  EntryStore store() {
    return store;
  }

  /** Renders the site from the store; {@code asOfNewest} for fixed data sets such as the demo. */
  SiteReport renderSite(Path dir, boolean asOfNewest) {
    return Publishing.renderSite(store, config, dir, asOfNewest);
  }

  static FetchSettings fetchSettings(PulseConfig cfg, boolean allowLoopback) {
    FetchSettings fs = FetchSettings.defaults().withUserAgent(cfg.userAgent());
    List<String> allow = new ArrayList<>();
    cfg.fetch().path("allow").forEach(n -> allow.add(n.asText()));
    if (allowLoopback) {
      allow.add("127.0.0.1");
    }
    return fs.withAllow(allow);
  }

  /** Feed validators kept in the store, so feeds get conditional GETs across runs too. */
  private static ValidatorStore validators(EntryStore store) {
    return new ValidatorStore() {
      @Override
      public ValidatorStore.Validators get(String url) {
        return store
            .validators(url)
            .map(v -> new ValidatorStore.Validators(v.etag(), v.lastModified()))
            .orElse(null);
      }

      @Override
      public void put(String url, ValidatorStore.Validators v) {
        store.saveValidators(
            url,
            v == null
                ? new dev.pulse.store.Validators(null, null)
                : new dev.pulse.store.Validators(v.etag(), v.lastModified()));
      }
    };
  }

  static int exitCode(RunReport report) {
    if (report.fatal() != null) {
      return ExitCodes.FATAL;
    }
    return report.count(dev.pulse.pipeline.Outcome.FAILED) > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  @Override
  public void close() {
    try {
      analyzer.close();
      fetcher.close();
    } finally {
      store.close();
    }
  }
}
