package dev.pulse.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Words that make a figure approximate ("about 2,000", "more than 100", "nearly half"), and the
 * range of values each lets the article's figure take: "more than 100" fits 103, "nearly 2,000"
 * fits 1,950, "about 60" fits 57 or 63 (not 54). Only a round figure written with such a word gets
 * the range, and only for a less round figure of the article (see {@link Source#supportsWithin}); a
 * bare figure, or "nearly 832", must match as written. Words that are also prepositions ("over",
 * "under", "some") and bounds ("up to", "less than") get no range.
 */
final class Hedges {

  /** The range a hedged figure {@code v} covers: the article's figure must lie in [low, high]. */
  record Range(double low, double high) {

    boolean contains(double x) {
      return x >= low - 1e-9 && x <= high + 1e-9;
    }
  }

  /** How far "about" reaches either side, and "more than" above or "nearly" below. */
  static final double ABOUT = 0.05;

  static final double BEYOND = 0.20;

  static final double SHORT = 0.10;

  private static final Pattern BEFORE =
      Pattern.compile(
          "(?:\\b(?<above>more than|at least|upwards of|just over|in excess of)"
              + "|\\b(?<below>nearly|almost|just under|close to)"
              + "|\\b(?<around>about|around|roughly|approximately|an estimated|circa))"
              + "\\s+[$\u00a3\u20ac]?$",
          Pattern.CASE_INSENSITIVE);

  private Hedges() {}

  /** The range of a figure of {@code text} ending at {@code start}'s hedge, or null when bare. */
  static @Nullable Range range(String text, Figures.Figure f) {
    String before = text.substring(Math.max(0, f.start() - 24), f.start());
    Matcher m = BEFORE.matcher(before);
    if (!m.find()) {
      return null;
    }
    double v = f.value();
    if (m.group("above") != null) {
      return new Range(v, v * (1 + BEYOND));
    }
    if (m.group("below") != null) {
      return new Range(v * (1 - SHORT), v);
    }
    return new Range(v * (1 - ABOUT), v * (1 + ABOUT));
  }
}
