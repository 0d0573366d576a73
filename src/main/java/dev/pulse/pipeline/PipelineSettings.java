package dev.pulse.pipeline;

import dev.pulse.fetch.Politeness;

/**
 * How a run works. How many analyses run at once is the analyzer's to say ({@link
 * dev.pulse.analyze.ArticleAnalyzer#concurrency()}), not a setting here.
 *
 * @param fetchLanes hosts fetched from at once, one item at a time each; the fetcher's own limits
 *     (requests in flight, per-host pauses) still apply, and a lane waiting for its host's pause
 *     holds no request slot, so there are usually more lanes than slots
 * @param force analyze again even when content, analyzer and version are unchanged
 */
public record PipelineSettings(int fetchLanes, boolean force) {

  /** Lanes for the default fetch politeness; no force. */
  public static final PipelineSettings DEFAULTS =
      new PipelineSettings(lanesFor(Politeness.defaults().maxConcurrency()), false);

  public PipelineSettings {
    if (fetchLanes < 1) {
      throw new IllegalArgumentException("fetchLanes must be at least 1");
    }
  }

  /**
   * Lanes for a fetcher that allows {@code requestsInFlight} requests at once: four per slot, so
   * that lanes waiting out their hosts' pauses leave enough to keep every slot busy.
   */
  public static int lanesFor(int requestsInFlight) {
    return 4 * requestsInFlight;
  }

  public PipelineSettings withForce(boolean value) {
    return new PipelineSettings(fetchLanes, value);
  }

  public PipelineSettings withFetchLanes(int value) {
    return new PipelineSettings(value, force);
  }
}
