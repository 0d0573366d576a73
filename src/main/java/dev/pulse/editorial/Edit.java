package dev.pulse.editorial;

import dev.pulse.analyze.Sentiment;
import java.util.List;

/**
 * What an editor submitted for an entry: the values to show. A value equal to the analyzer's
 * clears that correction (the analyzer's output shows again, and follows later reruns).
 */
public record Edit(
    String summary, String editorsNote, Sentiment sentiment, String category, List<String> topics) {

  public Edit {
    topics = topics == null ? null : List.copyOf(topics);
  }
}
