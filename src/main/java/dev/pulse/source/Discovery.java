package dev.pulse.source;

import java.util.List;

/**
 * What discovery found for one source: the items, and the problems met on the way (a broken feed,
 * an invalid URL in it), each recorded by the pipeline without stopping the run.
 *
 * @param unchanged the source's feed, sitemap or page answered 304 Not Modified to a conditional
 *     GET: nothing new to list, nothing was parsed
 */
public record Discovery(
    SourceConfig source, List<DiscoveredItem> items, List<Problem> problems, boolean unchanged) {

  /** Something that went wrong while discovering: the URL concerned and why. */
  public record Problem(String url, String reason, String message) {}

  public Discovery {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }

  /** A discovery that fetched its source in full (or needed no fetch). */
  public Discovery(SourceConfig source, List<DiscoveredItem> items, List<Problem> problems) {
    this(source, items, problems, false);
  }
}
