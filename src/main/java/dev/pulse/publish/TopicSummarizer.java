package dev.pulse.publish;

import dev.pulse.store.Entry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the one-sentence roll-up of a trending topic. The default is extractive; an LLM-backed
 * implementation can be plugged in. An implementation that throws or returns blank text is replaced
 * by the extractive roll-up for that topic, so a failing model never breaks the render.
 */
@FunctionalInterface
public interface TopicSummarizer {

  /**
   * One plain-text sentence (no markup; the page escapes it) across the stories of a topic.
   *
   * @param label the topic's short label
   * @param stories the topic's entries, at least 3, most central to the topic first
   * @return the sentence, or null when none could be made (the caller falls back)
   */
  @Nullable String rollUp(String label, List<Entry> stories);

  /**
   * Picks, of the stories' lead summary sentences, the one that best covers what they share (at
   * most 240 characters).
   */
  static TopicSummarizer extractive() {
    return ExtractiveTopicSummarizer.INSTANCE;
  }
}
