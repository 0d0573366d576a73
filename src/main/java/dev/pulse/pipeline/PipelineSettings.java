package dev.pulse.pipeline;

/**
 * How hard a run works.
 *
 * @param fetchThreads items fetched and extracted at once (politeness per host is the fetcher's)
 * @param analyzeThreads items analyzed at once
 * @param force analyze again even when content, analyzer and version are unchanged
 */
public record PipelineSettings(int fetchThreads, int analyzeThreads, boolean force) {

  public static final PipelineSettings DEFAULTS = new PipelineSettings(8, 2, false);

  public PipelineSettings {
    if (fetchThreads < 1 || analyzeThreads < 1) {
      throw new IllegalArgumentException("thread counts must be at least 1");
    }
  }

  public PipelineSettings withForce(boolean value) {
    return new PipelineSettings(fetchThreads, analyzeThreads, value);
  }
}
