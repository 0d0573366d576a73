package dev.pulse.publish;

import dev.pulse.store.Entry;
import java.util.List;

/**
 * The roll-up without a model: the first summary sentence of the most central story, or its title
 * when the summary has no usable sentence.
 */
final class ExtractiveTopicSummarizer implements TopicSummarizer {

  static final ExtractiveTopicSummarizer INSTANCE = new ExtractiveTopicSummarizer();

  private static final int MAX = 240;

  private ExtractiveTopicSummarizer() {}

  @Override
  public String rollUp(String label, List<Entry> stories) {
    for (Entry e : stories) {
      List<String> sentences = Text.sentences(e.summary());
      for (String s : sentences) {
        if (s.length() >= 30) {
          return Text.truncate(s, MAX);
        }
      }
    }
    String title = stories.isEmpty() ? label : Text.display(stories.get(0).title());
    return Text.truncate(title == null ? label : title, MAX);
  }
}
