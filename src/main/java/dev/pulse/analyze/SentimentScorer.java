package dev.pulse.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tone of news by rules over a {@link SentimentLexicon}. A sentence's score sums its polar
 * words, flipped after a negator ("did not improve"), and its changes of quantity: a word of
 * direction ("rose", "fell") times the nearest quantity's quality, so "profit rose" and "costs fell"
 * score positive while "loss widened" scores negative. Contrast shifts weight: what follows "but"
 * counts more than what precedes it, and a "despite ..." or "although ..." clause counts little.
 */
final class SentimentScorer {

  private static final Pattern TOKEN =
      Pattern.compile("n't|[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[,;:()]");
  private static final int QUANTITY_WINDOW = 5;
  private static final int NEGATION_WINDOW = 3;
  /** A change of direction with no quantity nearby ("shares rose") counts this much. */
  private static final double BARE_CHANGE = 0.6;

  private final SentimentLexicon lexicon;
  private final double threshold;

  SentimentScorer(SentimentLexicon lexicon, double threshold) {
    this.lexicon = lexicon;
    this.threshold = threshold;
  }

  Sentiment classify(double score) {
    if (score >= threshold) {
      return Sentiment.POSITIVE;
    }
    return score <= -threshold ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
  }

  /**
   * The tone of an article: the headline and the leading sentences, the earlier ones weighing more,
   * averaged so that long articles are not pushed to an extreme by length alone.
   */
  double scoreArticle(String title, List<String> sentences) {
    double sum = 0;
    double weights = 0;
    if (title != null && !title.isBlank()) {
      sum += 1.5 * scoreSentence(title);
      weights += 1.0;
    }
    int n = Math.min(sentences.size(), 12);
    for (int i = 0; i < n; i++) {
      double w = 1.0 / Math.sqrt(i + 1);
      sum += w * scoreSentence(sentences.get(i));
      weights += w * 0.5;
    }
    return weights == 0 ? 0 : sum / Math.max(1.0, weights);
  }

  double scoreSentence(String sentence) {
    List<String> tokens = tokens(sentence);
    double[] weight = clauseWeights(tokens);
    boolean[] used = new boolean[tokens.size()];
    double score = 0;
    // changes of quantity first, so that "loss" in "the loss narrowed" is read with its verb
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      int dir = lexicon.direction(t);
      if (dir == 0 || used[i] || t.equals("up") && i + 1 < tokens.size() && tokens.get(i + 1).equals("to")) {
        continue;
      }
      used[i] = true;
      int q = nearestQuantity(tokens, i, used);
      double value;
      if (q >= 0) {
        used[q] = true;
        value = dir * lexicon.quality(tokens.get(q));
      } else {
        double polar = lexicon.polarity(t);
        value = polar != 0 ? polar : dir * BARE_CHANGE;
      }
      score += weight[i] * negate(tokens, i, value);
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (used[i]) {
        continue;
      }
      String t = tokens.get(i);
      double p = lexicon.polarity(t);
      if (p != 0) {
        if (p < 0 && lexicon.quality(t) < 0 && followsFrom(tokens, i)) {
          p = -p; // "from a loss", "compared with a loss": the bad quantity is behind us
        }
        score += weight[i] * negate(tokens, i, p);
      }
    }
    return score;
  }

  private double negate(List<String> tokens, int i, double value) {
    for (int j = Math.max(0, i - NEGATION_WINDOW); j < i; j++) {
      String t = tokens.get(j);
      if (t.equals(",") || t.equals(";")) {
        continue;
      }
      if (lexicon.isNegator(t)) {
        return -value;
      }
    }
    return value;
  }

  private boolean followsFrom(List<String> tokens, int i) {
    for (int j = Math.max(0, i - 3); j < i; j++) {
      String t = tokens.get(j);
      if (t.equals("from") || t.equals("compared") || t.equals("versus") || t.equals("vs")) {
        return true;
      }
    }
    return false;
  }

  /** Index of the closest quantity word within the window and the same clause, or -1. */
  private int nearestQuantity(List<String> tokens, int i, boolean[] used) {
    for (int d = 1; d <= QUANTITY_WINDOW; d++) {
      int before = i - d;
      if (before >= 0 && isClauseBreak(tokens.get(before))) {
        break;
      }
      if (before >= 0 && !used[before] && lexicon.quality(tokens.get(before)) != 0) {
        return before;
      }
    }
    for (int d = 1; d <= QUANTITY_WINDOW; d++) {
      int after = i + d;
      if (after >= tokens.size() || isClauseBreak(tokens.get(after))) {
        break;
      }
      if (!used[after] && lexicon.quality(tokens.get(after)) != 0) {
        return after;
      }
    }
    return -1;
  }

  private static boolean isClauseBreak(String t) {
    return t.equals(";") || t.equals("but") || t.equals("while");
  }

  /** Per-token weights from contrast words; 1.0 where none applies. */
  static double[] clauseWeights(List<String> tokens) {
    double[] w = new double[tokens.size()];
    java.util.Arrays.fill(w, 1.0);
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("but") || t.equals("however") || t.equals("yet") && i > 0) {
        for (int j = 0; j < i; j++) {
          w[j] *= 0.6;
        }
        for (int j = i + 1; j < tokens.size(); j++) {
          w[j] *= 1.3;
        }
      } else if (t.equals("despite") || t.equals("although") || t.equals("though")
          || t.equals("notwithstanding")) {
        int j = i + 1;
        while (j < tokens.size() && !tokens.get(j).equals(",") && !tokens.get(j).equals(";")) {
          w[j] *= 0.35;
          j++;
        }
      }
    }
    return w;
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group().replace('’', '\''));
    }
    return out;
  }
}
