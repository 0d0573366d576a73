package dev.pulse.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Accuracy, macro-F1 over the expected labels and the confusion matrix, as score.py computes them:
 * labels compared case-insensitively after the label map; an item the analyzer failed on counts as
 * "&lt;missing&gt;", a label outside the expected ones as wrong.
 *
 * @param n items with an expected label
 * @param accuracy share of items whose label matches
 * @param macroF1 mean F1 over the expected labels
 * @param expected the expected labels, sorted (the matrix's rows)
 * @param predicted every predicted label, sorted (the matrix's columns)
 * @param confusion expected label → predicted label → count
 */
record LabelScores(
    int n,
    double accuracy,
    double macroF1,
    List<String> expected,
    List<String> predicted,
    Map<String, Map<String, Integer>> confusion) {

  static final String MISSING = "<missing>";

  /**
   * Scores (expected, predicted) pairs; a null prediction is a failed item (the expected label is
   * never null).
   */
  static LabelScores of(List<@Nullable String[]> pairs) {
    TreeSet<String> classes = new TreeSet<>();
    TreeSet<String> seen = new TreeSet<>();
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    int right = 0;
    List<String[]> norm = new ArrayList<>();
    for (@Nullable String[] p : pairs) {
      String y = norm(p[0]);
      String yp = p[1] == null ? MISSING : norm(p[1]);
      classes.add(y);
      seen.add(yp);
      confusion.computeIfAbsent(y, k -> new TreeMap<>()).merge(yp, 1, Integer::sum);
      right += y.equals(yp) ? 1 : 0;
      norm.add(new String[] {y, yp});
    }
    double f1s = 0;
    for (String c : classes) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (String[] p : norm) {
        tp += p[0].equals(c) && p[1].equals(c) ? 1 : 0;
        fp += !p[0].equals(c) && p[1].equals(c) ? 1 : 0;
        fn += p[0].equals(c) && !p[1].equals(c) ? 1 : 0;
      }
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      f1s += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    int n = pairs.size();
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    confusion.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    return new LabelScores(
        n,
        n == 0 ? 0 : (double) right / n,
        classes.isEmpty() ? 0 : f1s / classes.size(),
        List.copyOf(classes),
        List.copyOf(seen),
        copy);
  }

  int count(String expected, String predicted) {
    return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
  }

  private static String norm(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }
}
