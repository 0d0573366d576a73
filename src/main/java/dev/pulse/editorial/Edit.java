package dev.pulse.editorial;

import dev.pulse.analyze.Sentiment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an editor submitted for an entry: the values to show. A value equal to the analyzer's clears
 * that correction (the analyzer's output shows again, and follows later reruns). Only the editor's
 * note may be absent (null).
 */
public record Edit(
    String summary,
    @Nullable String editorsNote,
    Sentiment sentiment,
    String category,
    List<String> topics) {

  public Edit {
    topics = topics == null ? null : List.copyOf(topics);
  }
}
