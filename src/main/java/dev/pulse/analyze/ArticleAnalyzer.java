package dev.pulse.analyze;

import org.jspecify.annotations.Nullable;

/**
 * The analysis seam: one article in, one {@link Analysis} out. Implementations are thread-safe; the
 * pipeline calls them from several threads at once.
 *
 * <p>Failures: throw {@link AnalysisException} for this item (recorded, batch goes on), or {@link
 * dev.pulse.PulseException.Fatal} when no further item can succeed (e.g. a rejected API key).
 */
public interface ArticleAnalyzer extends AutoCloseable {

  Analysis analyze(ArticleText article);

  /** Short name shown in run summaries and provenance: "embedded" or "llm". */
  String name();

  /** The model behind it, for provenance. */
  String model();

  /**
   * The version of the algorithm or prompt: an entry analyzed with the same content hash, model and
   * version need not be analyzed again.
   */
  String version();

  /**
   * How many analyses are worth running at once: the pipeline runs this many workers. An analyzer
   * bound by the CPU says the cores (the default); a remote one says how many requests it lets be
   * in flight.
   */
  default int concurrency() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * A hint that analyses are coming: start loading what the first one needs (a model, a client) in
   * the background, so that it is ready when the first article is. Returns at once; calling it
   * again does nothing. The pipeline calls it when the first page of a run is fetched, so a run
   * that fetches nothing new loads nothing.
   */
  default void prepare() {}

  /**
   * What limited the pace of this analyzer's work so far, for the run report, e.g.
   * "llm.requests_per_minute (500) set the pace: requests waited 41.0 s for it in total"; null when
   * nothing but the work itself did.
   */
  default @Nullable String pacing() {
    return null;
  }

  @Override
  default void close() {}
}
