package dev.pulse.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Sentiment;
import dev.pulse.similar.EntryVectors;
import dev.pulse.similar.Vectors;
import dev.pulse.store.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How a similarity floor changes "Recommended Readings", measured on labelled public news (the dev
 * categories of ../shared/eval/analysis: BBC News articles and AG News items). Each item becomes an
 * entry (title, and as summary the first sentences of its text up to 60 words), all in one
 * category so the candidate windows favour none, published at random over 30 days; vectors are the
 * bundled MiniLM model's, as on a real site. For each floor it prints the recommendations per entry,
 * the share of entries left with none, and the share of recommendations whose gold label is the
 * entry's own: the floor should raise that share without emptying the lists. Not a test: run it
 * through {@code scripts/bench-recommendations.sh [CATEGORIES_JSONL]}.
 */
public final class RecommendationFloorBenchmark {

  static final double[] FLOORS = {-1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5};

  private RecommendationFloorBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path gold = Path.of(args.length > 0 ? args[0] : "../shared/eval/analysis/categories.dev.jsonl");
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> byDataset = new HashMap<>();
    for (String line : Files.readAllLines(gold)) {
      if (!line.isBlank()) {
        JsonNode o = json.readTree(line);
        byDataset.computeIfAbsent(o.get("dataset").asText(), k -> new ArrayList<>()).add(o);
      }
    }
    System.out.printf("%-8s %6s %6s %8s %8s %10s%n", "dataset", "items", "floor", "recs/e",
        "none", "same-cat");
    for (String dataset : List.of("bbc", "agnews")) {
      List<JsonNode> items = byDataset.getOrDefault(dataset, List.of());
      if (items.isEmpty()) {
        continue;
      }
      List<Entry> entries = new ArrayList<>();
      Random random = new Random(11);
      Map<String, String> labels = new HashMap<>();
      for (JsonNode o : items) {
        String url = "https://eval.example/" + o.get("id").asText();
        Entry e = TestEntries.entry(url, "Eval", o.get("title").asText(""),
            lead(o.get("text").asText(""), 60), "All", Sentiment.NEUTRAL, List.of(),
            TestEntries.hoursAgo(random.nextDouble() * 24 * 30));
        labels.put(e.id(), o.get("label").asText());
        entries.add(e);
      }
      Catalog c = new Catalog(entries);
      float[][] unit = Vectors.unit(EntryVectors.embedded().vectors(c.entries), c.size());
      for (double floor : FLOORS) {
        int[][] recs = Related.recommend(c, unit, 5, floor);
        long total = 0;
        long same = 0;
        long none = 0;
        for (int i = 0; i < c.size(); i++) {
          total += recs[i].length;
          none += recs[i].length == 0 ? 1 : 0;
          for (int r : recs[i]) {
            same += labels.get(c.entry(r).id()).equals(labels.get(c.entry(i).id())) ? 1 : 0;
          }
        }
        System.out.printf("%-8s %6d %6s %8.2f %7.1f%% %9.1f%%%n", dataset, c.size(),
            floor < 0 ? "none" : String.format("%.2f", floor), (double) total / c.size(),
            100.0 * none / c.size(), total == 0 ? 0 : 100.0 * same / total);
      }
    }
  }

  /** The text's first sentences up to {@code words} words (at least the first sentence). */
  static String lead(String text, int words) {
    StringBuilder b = new StringBuilder();
    int count = 0;
    for (String s : Text.sentences(text.replace('\n', ' '))) {
      int n = s.split(" ").length;
      if (count > 0 && count + n > words) {
        break;
      }
      b.append(b.length() == 0 ? "" : " ").append(s);
      count += n;
    }
    return b.length() == 0 ? text : b.toString();
  }
}
