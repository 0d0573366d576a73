package dev.pulse.analyze.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the words of a tokenised sentence speak of quantities, in their context: which way a word
 * says a quantity moved ("up" after "shares were", not in "set up"), whether a token is a figure or
 * its unit, and the quality of the quantity a word names ("a negative EUR 5 mn" is bad). Reads a
 * {@link SentimentLexicon}; immutable.
 */
final class QuantityWords {

  private final SentimentLexicon lexicon;

  QuantityWords(SentimentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * Phrases the lexicon knows as one word, in place so that the tokens still line up with the
   * sentence's words: "lay off" and "laid off" are layoffs ("lay" and "off" become "layoff" and
   * "off"), "shut down" and "close down" a shutdown.
   */
  static List<String> phrases(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens);
    for (int i = 0; i + 1 < out.size(); i++) {
      if (LAY.contains(out.get(i)) && out.get(i + 1).equals("off")) {
        out.set(i, "layoff");
      } else if (SHUT.contains(out.get(i)) && out.get(i + 1).equals("down")) {
        out.set(i, "shutdown");
        out.set(i + 1, "off");
      }
    }
    return out;
  }

  private static final Set<String> SHUT =
      Set.of("shut", "shuts", "shutting", "close", "closes", "closed", "closing");

  private static final Set<String> LAY = Set.of("lay", "lays", "laying", "laid");

  /**
   * Which way the word at {@code i} says a quantity moved, in its context: +1, -1 or 0. "Up" and
   * "down" are directions after a figure, a quantity or a form of "be", or before a figure or the
   * point of comparison ("shares were up 6 percent", "down from 5 mn"), not as a verb's particle
   * ("set up", "step down", "going up"); "record" is one only before what it qualifies ("record
   * sales", "a record high"), not in "record date"; "growth" right before another word names a kind
   * ("growth markets", "this growth rate") rather than a change.
   */
  int direction(List<String> tokens, int i) {
    String t = tokens.get(i);
    String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
    int k = i - 1;
    while (k > 0 && tokens.get(k).endsWith("ly")) {
      k--; // "was slightly down", "went sharply up"
    }
    String prev = k >= 0 ? tokens.get(k) : ",";
    switch (t) {
      case "up", "down" -> {
        if (next.equals("to") && t.equals("up")) {
          return 0; // "up to 40 people"
        }
        boolean direction =
            prev.equals(",")
                || BE.contains(prev)
                || MOTION.contains(prev)
                || isFigure(prev)
                || lexicon.quality(prev) != 0
                || next.chars().anyMatch(Character::isDigit) // "Nokia up 2.5 %", not "set up two"
                || POINT_OF_COMPARISON.contains(next);
        return direction ? lexicon.direction(t) : 0;
      }
      case "more", "bigger", "larger", "greater", "smaller", "fewer" -> { // SIZES
        // "36 % more than in 2004", "smaller than expected"; not "more than 20 people"
        String after = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
        boolean compared = next.equals("than") && !isFigure(after) && !after.equals("a");
        int sign = t.equals("smaller") || t.equals("fewer") ? -1 : 1;
        return compared || isFigure(prev) && next.equals("than") ? sign : 0;
      }
      case "below", "above", "under", "beyond" -> {
        // "below the analyst estimate", "above the level of the corresponding period"
        int sign = t.equals("below") || t.equals("under") ? -1 : 1;
        int words = 0;
        for (int j = i + 1; j < tokens.size() && words < 3; j++) {
          String w = tokens.get(j);
          words += isFigure(w) ? 0 : 1;
          if (BENCHMARKS.stream().anyMatch(w::startsWith)) {
            return sign;
          }
        }
        return 0;
      }
      case "record" -> {
        return lexicon.quality(next) != 0 || next.equals("high") || next.equals("level") ? 1 : 0;
      }
      default -> {
        return lexicon.direction(t);
      }
    }
  }

  private static final Set<String> BE =
      Set.of("is", "are", "was", "were", "be", "been", "being", "'s", "remains", "remained");

  private static final Set<String> POINT_OF_COMPARISON =
      Set.of(
          "from",
          "by",
          "on",
          "compared",
          "against",
          "versus",
          "vs",
          "year",
          "sharply",
          "slightly",
          "significantly",
          "considerably",
          "strongly");

  static final Set<String> SIZES =
      Set.of("more", "bigger", "larger", "greater", "smaller", "fewer");

  /** What a figure is measured against: expectations, estimates, the comparable period. */
  private static final List<String> BENCHMARKS =
      List.of(
          "expect",
          "estimate",
          "forecast",
          "consensus",
          "level",
          "target",
          "guidance",
          "projection",
          "previous",
          "comparable",
          "corresponding",
          "yearearlier",
          "yearago");

  /** Verbs whose "up" or "down" says a quantity moved: "have gone up", "pushed up the cost". */
  private static final Set<String> MOTION =
      Set.of(
          "go", "goes", "going", "gone", "went", "push", "pushed", "pushes", "pushing", "drive",
          "drives", "driven", "drove", "driving", "move", "moved", "moves", "moving", "come",
          "came", "comes", "coming", "bid", "marked", "trade", "traded", "trading", "edge", "edged",
          "inch", "inched", "speed", "speeded", "sped", "ramp", "ramped", "scale", "scaled");

  /** A figure or its unit: "12", "eur9", "mn", "percent". */
  static boolean isFigure(String t) {
    if (t.isEmpty()) {
      return false;
    }
    for (int k = 0; k < t.length(); k++) {
      if (Character.isDigit(t.charAt(k))) {
        return true;
      }
    }
    return UNITS.contains(t);
  }

  private static final Set<String> UNITS =
      Set.of(
          "eur",
          "euro",
          "euros",
          "usd",
          "sek",
          "gbp",
          "dollars",
          "pounds",
          "kroons",
          "mn",
          "mln",
          "m",
          "bn",
          "bln",
          "million",
          "billion",
          "thousand",
          "pct",
          "percent",
          "per",
          "cent",
          "percentage",
          "points",
          "pence",
          "cents",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "twenty",
          "hundred",
          "dozen",
          "half");

  /**
   * The quality of the quantity at {@code j}: the lexicon's, and bad for "negative" before a figure
   * ("compared to a negative EUR 68.6 mn", "a negative 4.1 %").
   */
  int quality(List<String> tokens, int j) {
    String t = tokens.get(j);
    if (t.equals("negative") && j + 1 < tokens.size() && isFigure(tokens.get(j + 1))) {
      return -1;
    }
    return lexicon.quality(t);
  }
}
