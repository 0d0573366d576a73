package dev.pulse.editorial;

import dev.pulse.store.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What readers see: the entries the review mode publishes, each with the editors' corrections over
 * the analyzer's output. Every page and feed is rendered from this. A flagged entry (see {@link
 * Entry#flagged()}) waits for an editor's approval whatever the mode; an editor's correction does
 * not release it, approving it does.
 */
public final class Published {

  private Published() {}

  public static List<Entry> entries(
      List<Entry> stored,
      Map<String, Correction> corrections,
      Map<String, ReviewState> states,
      ReviewMode mode) {
    List<Entry> out = new ArrayList<>(stored.size());
    for (Entry e : stored) {
      if (!mode.publishes(states.getOrDefault(e.id(), ReviewState.NEW), e.flagged())) {
        continue;
      }
      Correction c = corrections.get(e.id());
      out.add(c == null ? e : c.applyTo(e));
    }
    return out;
  }

  /** The same, read from the desk's store. */
  public static List<Entry> entries(List<Entry> stored, EditorialStore desk, ReviewMode mode) {
    return entries(stored, desk.corrections(), desk.reviewStates(), mode);
  }
}
