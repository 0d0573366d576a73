package dev.pulse.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Prints how SimHash separates edited copies from different articles, to choose the shingle size
 * and threshold. Not a test. Reads the CNN/DailyMail dev articles (texts only, labels unused):
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   dev.pulse.identity.SimHashBench ../shared/eval/analysis/summaries_cnndm.dev.jsonl
 * </pre>
 */
public final class SimHashBench {

  private static final String FOOTER =
      "Sign up for our newsletter to get the day's top stories delivered to your inbox every morning, "
          + "and follow us on social media for breaking news.";

  public static void main(String[] args) throws Exception {
    Path file =
        Path.of(args.length > 0 ? args[0] : "../shared/eval/analysis/summaries_cnndm.dev.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode node = json.readTree(line);
      texts.add(node.path("text").asText());
    }
    System.out.printf(
        "articles: %d, median words: %d%n",
        texts.size(), median(texts.stream().mapToInt(t -> SimHash.words(t).size()).toArray()));
    Random random = new Random(1);
    List<String> names =
        List.of(
            "1 word changed",
            "2% words changed",
            "footer added",
            "last 10% cut",
            "5% changed+footer");
    List<UnaryOperator<String>> edits =
        List.of(
            t -> replaceWords(t, 1, random),
            t -> replaceWords(t, Math.max(1, SimHash.words(t).size() / 50), random),
            t -> t + " " + FOOTER,
            t -> cut(t, 0.9),
            t -> replaceWords(t, Math.max(1, SimHash.words(t).size() / 20), random) + " " + FOOTER);
    int[] thresholds = {3, 6, 8, 10, 12, 14};
    for (int shingle : new int[] {2, 3}) {
      SimHash simHash = new SimHash(shingle, 3);
      long[] prints = texts.stream().mapToLong(simHash::fingerprint).toArray();
      System.out.printf("%nshingle %d%n%-20s", shingle, "case / threshold");
      for (int t : thresholds) {
        System.out.printf("%7d", t);
      }
      System.out.println("   median distance");
      for (int e = 0; e < edits.size(); e++) {
        int[] d = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
          d[i] = SimHash.distance(prints[i], simHash.fingerprint(edits.get(e).apply(texts.get(i))));
        }
        row(names.get(e) + " (recall)", d, thresholds, true);
      }
      int pairs = texts.size() * (texts.size() - 1) / 2;
      int[] d = new int[pairs];
      int k = 0;
      for (int i = 0; i < texts.size(); i++) {
        for (int j = i + 1; j < texts.size(); j++) {
          d[k++] = SimHash.distance(prints[i], prints[j]);
        }
      }
      row("distinct pairs (n)", d, thresholds, false);
      System.out.printf(
          "distinct pairs: %d, smallest distance %d%n", pairs, Arrays.stream(d).min().orElse(-1));
    }
  }

  private static void row(String name, int[] distances, int[] thresholds, boolean asRecall) {
    System.out.printf("%-20s", name.length() > 20 ? name.substring(0, 20) : name);
    for (int t : thresholds) {
      long within = Arrays.stream(distances).filter(x -> x <= t).count();
      double share = (double) within / distances.length;
      if (asRecall) {
        System.out.printf("%7.3f", share);
      } else {
        System.out.printf("%7d", within);
      }
    }
    System.out.printf("   %d%n", median(distances));
  }

  private static int median(int[] values) {
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String replaceWords(String text, int count, Random random) {
    String[] words = text.split(" ");
    for (int i = 0; i < count; i++) {
      words[random.nextInt(words.length)] = "zzword" + random.nextInt(1000);
    }
    return String.join(" ", words);
  }

  private static String cut(String text, double keep) {
    String[] words = text.split(" ");
    return String.join(" ", Arrays.copyOf(words, (int) (words.length * keep)));
  }
}
