package dev.pulse.pipeline;

import dev.pulse.fetch.Politeness;
import dev.pulse.retry.Breaker;

/**
 * How a run works. How many analyses run at once is the analyzer's to say ({@link
 * dev.pulse.analyze.ArticleAnalyzer#concurrency()}), not a setting here.
 *
 * @param fetchLanes hosts fetched from at once, one item at a time each; the fetcher's own limits
 *     (requests in flight, per-host pauses) still apply, and a lane waiting for its host's pause
 *     holds no request slot, so there are usually more lanes than slots
 * @param force analyze again even when content, analyzer and version are unchanged
 * @param hostBreaker when a host that keeps failing is left alone, its items queued, and for how
 *     long ({@code fetch.breaker_failures}, {@code fetch.breaker_cool_down})
 * @param sourceCategories the category every entry of a source is filed under ({@code
 *     sources[].category}), by source name; also used when one URL of that source is analyzed again
 */
public record PipelineSettings(
    int fetchLanes,
    boolean force,
    Breaker.Policy hostBreaker,
    java.util.Map<String, String> sourceCategories) {

  /** Lanes for the default fetch politeness; no force; the default host breaker. */
  public static final PipelineSettings DEFAULTS =
      new PipelineSettings(
          lanesFor(Politeness.defaults().maxConcurrency()),
          false,
          Breaker.Policy.DEFAULT,
          java.util.Map.of());

  public PipelineSettings {
    if (fetchLanes < 1) {
      throw new IllegalArgumentException("fetchLanes must be at least 1");
    }
    java.util.Objects.requireNonNull(hostBreaker, "hostBreaker");
    sourceCategories = java.util.Map.copyOf(sourceCategories);
  }

  /** With the default host breaker. */
  public PipelineSettings(int fetchLanes, boolean force) {
    this(fetchLanes, force, Breaker.Policy.DEFAULT, java.util.Map.of());
  }

  /**
   * Lanes for a fetcher that allows {@code requestsInFlight} requests at once: four per slot, so
   * that lanes waiting out their hosts' pauses leave enough to keep every slot busy.
   */
  public static int lanesFor(int requestsInFlight) {
    return 4 * requestsInFlight;
  }

  public PipelineSettings withForce(boolean value) {
    return new PipelineSettings(fetchLanes, value, hostBreaker, sourceCategories);
  }

  public PipelineSettings withFetchLanes(int value) {
    return new PipelineSettings(value, force, hostBreaker, sourceCategories);
  }

  public PipelineSettings withHostBreaker(Breaker.Policy value) {
    return new PipelineSettings(fetchLanes, force, value, sourceCategories);
  }

  public PipelineSettings withSourceCategories(java.util.Map<String, String> value) {
    return new PipelineSettings(fetchLanes, force, hostBreaker, value);
  }
}
