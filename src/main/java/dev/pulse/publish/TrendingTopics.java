package dev.pulse.publish;

import dev.pulse.similar.Clusters;
import dev.pulse.similar.Clusters.Cluster;
import dev.pulse.similar.Vectors;
import dev.pulse.store.Entry;
import dev.pulse.text.WordTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trending topics: the entries of the recent window clustered greedily by similarity to running
 * centroids; a cluster of at least {@value #MIN_STORIES} distinct stories from at least {@value
 * #MIN_SOURCES} sources becomes a topic with a short label and a one-sentence roll-up.
 */
final class TrendingTopics {

  static final int MIN_STORIES = 3;
  static final int MIN_SOURCES = 2;

  /** Bounds the quadratic worst case of greedy clustering on a very busy window. */
  static final int MAX_WINDOW_ENTRIES = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(TrendingTopics.class);
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  /**
   * One trending topic.
   *
   * @param label a short label (a shared topic tag, else the shared title words)
   * @param tagKey the topic tag the label comes from, or null
   * @param rollUp one plain-text sentence across the stories
   * @param members entry positions, most central first
   * @param sources distinct source names, in member order
   */
  record Topic(
      String label, @Nullable String tagKey, String rollUp, int[] members, List<String> sources) {}

  private TrendingTopics() {}

  static List<Topic> find(
      Catalog c,
      float[][] unit,
      Instant now,
      Duration window,
      double threshold,
      int max,
      TopicSummarizer summarizer) {
    Instant from = now.minus(window);
    Instant to = now.plus(CLOCK_SKEW);
    List<Integer> recent = new ArrayList<>();
    for (int i = 0; i < c.size() && recent.size() < MAX_WINDOW_ENTRIES; i++) {
      Instant t = c.times[i];
      if (t.isAfter(from) && !t.isAfter(to) && unit[i].length > 0) {
        recent.add(i);
      }
    }
    List<Cluster> clusters = Clusters.greedy(recent, unit, threshold);
    List<Topic> topics = new ArrayList<>();
    clusters.stream()
        .filter(k -> stories(c, k) >= MIN_STORIES && sources(c, k).size() >= MIN_SOURCES)
        .sorted(
            Comparator.comparingInt((Cluster k) -> sources(c, k).size())
                .thenComparingInt(k -> stories(c, k))
                .reversed()
                .thenComparingInt(k -> k.members().get(0)))
        .limit(max)
        .forEach(k -> topics.add(topic(c, unit, k, summarizer)));
    return topics;
  }

  private static Topic topic(Catalog c, float[][] unit, Cluster k, TopicSummarizer summarizer) {
    float[] centre = k.centre();
    int[] members =
        k.members().stream()
            .sorted(
                Comparator.comparingDouble((Integer i) -> -Vectors.dot(unit[i], centre))
                    .thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    String tagKey = sharedTag(c, members);
    String label = tagKey != null ? c.tagNames.get(tagKey) : sharedWords(c, members);
    List<Entry> stories = new ArrayList<>();
    for (int m : members) {
      stories.add(c.entry(m));
    }
    return new Topic(
        label, tagKey, rollUp(summarizer, label, stories), members, List.copyOf(sources(c, k)));
  }

  private static String rollUp(TopicSummarizer summarizer, String label, List<Entry> stories) {
    String text = null;
    try {
      text = Text.display(summarizer.rollUp(label, List.copyOf(stories)));
    } catch (RuntimeException e) {
      LOG.warn(
          "topic summarizer failed for '{}', using the extractive roll-up: {}",
          label,
          e.toString());
    }
    if (text != null && text.split(" ").length > ExtractiveTopicSummarizer.MAX_WORDS) {
      LOG.warn(
          "roll-up for '{}' has more than {} words, using the extractive roll-up",
          label,
          ExtractiveTopicSummarizer.MAX_WORDS);
      text = null;
    }
    if (text == null) {
      text = TopicSummarizer.extractive().rollUp(label, stories);
    }
    return text;
  }

  /** The tag most members carry, when at least half of them (and two) do. */
  private static @Nullable String sharedTag(Catalog c, int[] members) {
    int needed = Math.max(2, (members.length + 1) / 2);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int m : members) {
      for (String key : c.tagKeys[m]) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= needed)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** Up to three title words shared by at least two members, most shared first. */
  private static String sharedWords(Catalog c, int[] members) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int m : members) {
      for (String w : new LinkedHashSet<>(WordTokens.of(c.entry(m).title()))) {
        if (!WordTokens.isStopWord(w)) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    List<String> words =
        counts.entrySet().stream()
            .filter(e -> e.getValue() >= 2)
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(3)
            .map(e -> e.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + e.getKey().substring(1))
            .toList();
    if (!words.isEmpty()) {
      return String.join(" ", words);
    }
    String title = Text.display(c.entry(members[0]).title());
    return Text.truncate(title == null ? "Untitled" : title, 60);
  }

  /** Distinct stories among a cluster's members (same title or, untitled, same URL). */
  private static int stories(Catalog c, Cluster k) {
    Set<String> keys = new HashSet<>();
    for (int m : k.members()) {
      keys.add(c.titleKeys[m].isEmpty() ? c.urls[m] : c.titleKeys[m]);
    }
    return keys.size();
  }

  /** A cluster's distinct source names, in member order. */
  private static Set<String> sources(Catalog c, Cluster k) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, String> seen = new HashMap<>();
    for (int m : k.members()) {
      String s = c.sources[m];
      if (s != null && seen.putIfAbsent(s.toLowerCase(Locale.ROOT), s) == null) {
        out.add(s);
      }
    }
    return out;
  }
}
