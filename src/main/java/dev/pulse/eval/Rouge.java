package dev.pulse.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 as the shared evaluation's score.py computes them: lower-cased
 * {@code [a-z0-9]+} tokens, no stemming, clipped n-gram overlap, LCS over the whole token
 * sequences.
 */
final class Rouge {

  private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+");

  /** F1 of ROUGE-1, ROUGE-2 and ROUGE-L. */
  record Scores(double rouge1, double rouge2, double rougeL) {}

  private Rouge() {}

  static Scores score(String candidate, String reference) {
    List<String> c = tokens(candidate);
    List<String> r = tokens(reference);
    return new Scores(ngram(c, r, 1), ngram(c, r, 2), f1(lcs(c, r), c.size(), r.size()));
  }

  static List<String> tokens(@Nullable String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The first {@code n} whitespace-separated words of {@code text} (the lead baseline). */
  static String firstWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    return words.length <= n ? text : String.join(" ", java.util.Arrays.copyOf(words, n));
  }

  /** Words as score.py counts them: whitespace-separated. */
  static int words(@Nullable String text) {
    String t = text == null ? "" : text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static double ngram(List<String> c, List<String> r, int n) {
    Map<String, Integer> cand = grams(c, n);
    Map<String, Integer> ref = grams(r, n);
    int overlap = 0;
    for (Map.Entry<String, Integer> e : cand.entrySet()) {
      overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
    }
    return f1(overlap, Math.max(0, c.size() - n + 1), Math.max(0, r.size() - n + 1));
  }

  private static Map<String, Integer> grams(List<String> t, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= t.size(); i++) {
      out.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  private static int lcs(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] row = new int[b.size() + 1];
    for (String x : a) {
      for (int j = 1; j <= b.size(); j++) {
        row[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
      }
      int[] t = prev;
      prev = row;
      row = t;
    }
    return prev[b.size()];
  }

  private static double f1(int overlap, int nCand, int nRef) {
    double p = nCand == 0 ? 0 : (double) overlap / nCand;
    double r = nRef == 0 ? 0 : (double) overlap / nRef;
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
