package dev.pulse.source;

import dev.pulse.fetch.ValidatorStore;
import java.util.List;
import java.util.Map;

/**
 * What discovery found for one source: the items, and the problems met on the way (a broken feed,
 * an invalid URL in it), each recorded by the pipeline without stopping the run.
 *
 * @param unchanged the source's feed, sitemap or page answered 304 Not Modified to a conditional
 *     GET: nothing new to list, nothing was parsed
 * @param validators the validators of the documents read cleanly (keyed by the URL as requested),
 *     <em>not yet saved</em>: the caller saves them only once the items are durable (queued), so a
 *     run that dies in between reads the source afresh next time instead of getting a 304 and
 *     losing the items
 * @param merged listed items left out as copies of another item of the source (the same canonical
 *     URL: tracking parameters, a fragment, the case of the host): each is one of the run's
 *     outcomes, so that every listed item is counted once
 */
public record Discovery(
    SourceConfig source,
    List<DiscoveredItem> items,
    List<Problem> problems,
    boolean unchanged,
    Map<String, ValidatorStore.Validators> validators,
    int merged) {

  /** Something that went wrong while discovering: the URL concerned and why. */
  public record Problem(String url, String reason, String message) {}

  public Discovery {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
    validators = Map.copyOf(validators);
    if (merged < 0) {
      throw new IllegalArgumentException("merged must be >= 0");
    }
  }

  /** A discovery in which no listed item was a copy of another. */
  public Discovery(
      SourceConfig source,
      List<DiscoveredItem> items,
      List<Problem> problems,
      boolean unchanged,
      Map<String, ValidatorStore.Validators> validators) {
    this(source, items, problems, unchanged, validators, 0);
  }

  /** A discovery with nothing to remember for conditional GETs. */
  public Discovery(
      SourceConfig source, List<DiscoveredItem> items, List<Problem> problems, boolean unchanged) {
    this(source, items, problems, unchanged, Map.of(), 0);
  }

  /** A discovery that fetched its source in full (or needed no fetch). */
  public Discovery(SourceConfig source, List<DiscoveredItem> items, List<Problem> problems) {
    this(source, items, problems, false, Map.of(), 0);
  }

  /** Saves the validators into {@code store}: call it once the items are queued. */
  public void saveValidators(ValidatorStore store) {
    validators.forEach(store::put);
  }
}
