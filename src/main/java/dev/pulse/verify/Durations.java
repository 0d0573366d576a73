package dev.pulse.verify;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Spans of time in minutes, so that "30 minutes" is "half an hour", "two decades" is "20 years" and
 * "a fortnight" is "two weeks": a figure or "a"/"an" followed by a unit of time. A month counts 30
 * days and a year 365.
 */
final class Durations {

  private static final double DAY = 24 * 60;

  private static final Map<String, Double> UNITS =
      Map.ofEntries(
          Map.entry("minute", 1.0),
          Map.entry("hour", 60.0),
          Map.entry("day", DAY),
          Map.entry("week", 7 * DAY),
          Map.entry("fortnight", 14 * DAY),
          Map.entry("month", 30 * DAY),
          Map.entry("year", 365 * DAY),
          Map.entry("decade", 3650 * DAY),
          Map.entry("century", 36500 * DAY),
          Map.entry("centurie", 36500 * DAY));

  private Durations() {}

  /** The span a figure gives with the unit after it ("half an hour": 30), or NaN. */
  static double of(String text, List<Words.Word> words, Figures.Figure f) {
    int i = firstAfter(words, f.end());
    if (i < 0 || !close(text, f.end(), words.get(i))) {
      return Double.NaN;
    }
    String w = words.get(i).key();
    if ((w.equals("an") || w.equals("a")) && i + 1 < words.size()) {
      w = words.get(i + 1).key();
    }
    Double unit = unit(w);
    return unit == null ? Double.NaN : f.value() * unit;
  }

  /** The spans given by "a"/"an" and a unit alone ("a decade", "an hour"), in minutes. */
  static void single(List<Words.Word> words, List<Double> out) {
    for (int i = 0; i + 1 < words.size(); i++) {
      String a = words.get(i).key();
      Double unit = unit(words.get(i + 1).key());
      if ((a.equals("a") || a.equals("an")) && unit != null) {
        out.add(unit);
      }
    }
  }

  private static @Nullable Double unit(String w) {
    String singular = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    return UNITS.get(singular);
  }

  private static int firstAfter(List<Words.Word> words, int end) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).start() >= end) {
        return i;
      }
    }
    return -1;
  }

  private static boolean close(String text, int from, Words.Word w) {
    String gap = text.substring(from, w.start());
    return gap.length() <= 2 && gap.replace("-", "").isBlank();
  }
}
