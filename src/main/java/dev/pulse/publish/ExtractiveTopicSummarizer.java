package dev.pulse.publish;

import dev.pulse.text.Words;
import dev.pulse.store.Entry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roll-up without a model: of the stories' lead sentences (the first usable sentence of each
 * summary), the one that best covers what the stories have in common — the words found in at least
 * two of them — per square root of its length, so it neither rambles nor misses the subject. Ties
 * go to the more central story. Falls back to the most central story's title.
 */
final class ExtractiveTopicSummarizer implements TopicSummarizer {

  static final ExtractiveTopicSummarizer INSTANCE = new ExtractiveTopicSummarizer();

  private static final int MAX = 240;
  private static final int MIN_SENTENCE = 30;

  private ExtractiveTopicSummarizer() {}

  @Override
  public String rollUp(String label, List<Entry> stories) {
    Map<String, Integer> storiesWith = new HashMap<>();
    for (Entry e : stories) {
      for (String w : contentWords(e.title() + " " + e.summary())) {
        storiesWith.merge(w, 1, Integer::sum);
      }
    }
    String best = null;
    double bestScore = 0;
    for (Entry e : stories) {
      for (String sentence : Text.sentences(e.summary())) {
        if (sentence.length() < MIN_SENTENCE) {
          continue;
        }
        Set<String> words = contentWords(sentence);
        double shared = 0;
        for (String w : words) {
          shared += storiesWith.getOrDefault(w, 1) - 1;
        }
        double score = words.isEmpty() ? 0 : shared / Math.sqrt(words.size());
        if (score > bestScore) {
          bestScore = score;
          best = sentence;
        }
        break; // only the lead sentence of each story
      }
    }
    if (best == null) {
      String title = stories.isEmpty() ? null : Text.display(stories.get(0).title());
      best = title == null ? label : title;
    }
    return Text.truncate(best, MAX);
  }

  private static Set<String> contentWords(String text) {
    Set<String> out = new HashSet<>();
    for (String w : Words.split(text)) {
      if (!Words.isStopWord(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
