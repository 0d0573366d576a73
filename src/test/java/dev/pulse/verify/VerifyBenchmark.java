package dev.pulse.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flag rates of the faithfulness check on JSON Lines files of {@code {"id", "text", "summary",
 * "error_type"?}} (or a predictions file plus the articles it was made from). Prints one line per
 * file and, with {@code --show N}, the first N flagged items. Used by scripts/bench-verify.sh.
 *
 * <pre>
 *   VerifyBenchmark --articles GOLD.jsonl [--show N] [--missed N] NAME=FILE.jsonl...
 * </pre>
 *
 * <p>{@code --missed N} prints the first N items with a planted error that no flag caught. Each
 * file's line is followed by how many summaries a kind of claim flags, and how many only it flags
 * (what removing that kind's false flags could gain at most).
 */
public final class VerifyBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws IOException {
    Path articles = null;
    int show = 0;
    int missed = 0;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Path.of(args[++i]);
        case "--show" -> show = Integer.parseInt(args[++i]);
        case "--missed" -> missed = Integer.parseInt(args[++i]);
        default -> files.add(args[i]);
      }
    }
    Map<String, String> texts = new HashMap<>();
    if (articles != null) {
      for (JsonNode n : read(Path.of(articles.toString()))) {
        texts.put(n.path("id").asText(), n.path("text").asText());
      }
    }
    FaithfulnessChecker checker = FaithfulnessChecker.standard();
    for (String spec : files) {
      int eq = spec.indexOf('=');
      String name = spec.substring(0, eq);
      List<JsonNode> rows = read(Path.of(spec.substring(eq + 1)));
      int flagged = 0;
      int verbatim = 0;
      int shown = 0;
      int shownMissed = 0;
      Map<String, int[]> summariesByKind = new TreeMap<>();
      long started = System.nanoTime();
      Map<String, int[]> byType = new TreeMap<>();
      Map<String, Integer> byKind = new LinkedHashMap<>();
      for (JsonNode r : rows) {
        String id = r.path("id").asText();
        String text = r.hasNonNull("text") ? r.get("text").asText() : texts.getOrDefault(id, "");
        String summary = r.path("summary").asText("");
        List<Claim> claims = checker.unsupported(text, summary);
        boolean isFlagged = !claims.isEmpty();
        String type = r.path("error_type").asText("none");
        int[] t = byType.computeIfAbsent(type, k -> new int[3]);
        t[0]++;
        String planted = r.path("planted").asText("");
        if (!planted.isEmpty()
            && claims.stream().anyMatch(c -> c.text().toLowerCase().contains(planted))) {
          t[2]++;
        }
        if (!isFlagged && !planted.isEmpty() && shownMissed < missed) {
          shownMissed++;
          System.out.println(
              "  missed "
                  + id
                  + " "
                  + type
                  + ": \""
                  + r.path("original").asText()
                  + "\" -> \""
                  + planted
                  + "\"");
        }
        if (isFlagged) {
          flagged++;
          List<String> kinds =
              claims.stream().map(c -> c.kind().name().toLowerCase()).distinct().toList();
          for (String k : kinds) {
            int[] c = summariesByKind.computeIfAbsent(k, x -> new int[2]);
            c[0]++;
            if (kinds.size() == 1) {
              c[1]++;
            }
          }
          t[1]++;
          if (claims.stream().anyMatch(c -> verbatim(text, c))) {
            verbatim++;
          }
          claims.forEach(c -> byKind.merge(c.kind().name().toLowerCase(), 1, Integer::sum));
          if (shown < show) {
            shown++;
            System.out.println(
                "  " + id + " " + type + ": " + claims.stream().map(Claim::flag).toList());
          }
        }
      }
      double ms = (System.nanoTime() - started) / 1e6;
      System.out.printf(
          "%s: %d of %d summaries flagged (%.1f%%); unsupported claims by kind %s; %.1f ms per summary%n",
          name,
          flagged,
          rows.size(),
          100.0 * flagged / Math.max(1, rows.size()),
          byKind,
          ms / Math.max(1, rows.size()));
      summariesByKind.forEach(
          (k, v) ->
              System.out.printf(
                  "  summaries with an unsupported %s: %d, with no other kind: %d%n",
                  k, v[0], v[1]));
      System.out.printf(
          "  flagged with a claim whose words all occur in the article as written: %d (%.1f%%)%n",
          verbatim, 100.0 * verbatim / Math.max(1, rows.size()));
      if (byType.size() > 1 || !byType.containsKey("none")) {
        byType.forEach(
            (k, v) ->
                System.out.printf(
                    "  %-8s %d of %d flagged (%.1f%%), the planted claim itself %d (%.1f%%)%n",
                    k, v[1], v[0], 100.0 * v[1] / v[0], v[2], 100.0 * v[2] / v[0]));
      }
    }
  }

  /**
   * Whether every word of the claim occurs in the article as written: then the flag is the
   * checker's miss.
   */
  private static boolean verbatim(String article, Claim c) {
    String a = " " + String.join(" ", Quotes.tokens(article)) + " ";
    return Quotes.tokens(c.text()).stream().allMatch(w -> a.contains(" " + w + " "));
  }

  private static List<JsonNode> read(Path p) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(p)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
