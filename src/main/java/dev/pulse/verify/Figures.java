package dev.pulse.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in text, normalised to values: "1,800" and "1800" are one figure, "$3.5 million" and
 * "3.5m dollars" too; "a third", "twenty-five", "a dozen" are read as numbers up to a hundred and
 * beyond with a scale word. Percentages keep their number ("40%" is 40) and count as the fraction
 * too when matched ("half" supports "50%").
 */
final class Figures {

  /** How a figure compares. */
  enum Sort {
    /** Must match exactly after normalisation. */
    EXACT,
    /** A percentage: matches its number or the fraction. */
    PERCENT,
    /** A fraction in words ("a third"): matches within rounding. */
    FRACTION
  }

  /**
   * One figure.
   *
   * @param text as written
   * @param value normalised value (scale applied)
   * @param unscaled the number as written, before "million" and the like
   * @param claim whether the figure is specific enough to be checked ("one", "half" are not)
   */
  record Figure(
      String text, double value, double unscaled, Sort sort, boolean claim, int start, int end) {}

  private static final Pattern DIGITS =
      Pattern.compile(
          "(?<![\\p{N}.,])([$\u00a3\u20ac]\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(st|nd|rd|th)?"
              + "(?:\\s?(%|percent\\b|per\\s?cent\\b))?"
              + "(?:(\\s?(?:thousand|million|billion|trillion)\\b|(?:k|m|bn|b)\\b))?",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));

  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);

  private static final Map<String, Long> SCALES =
      Map.of(
          "thousand",
          1_000L,
          "million",
          1_000_000L,
          "billion",
          1_000_000_000L,
          "trillion",
          1_000_000_000_000L,
          "k",
          1_000L,
          "m",
          1_000_000L,
          "bn",
          1_000_000_000L,
          "b",
          1_000_000_000L);

  private static final Map<String, Integer> ORDINALS =
      Map.ofEntries(
          Map.entry("first", 1),
          Map.entry("second", 2),
          Map.entry("third", 3),
          Map.entry("fourth", 4),
          Map.entry("fifth", 5),
          Map.entry("sixth", 6),
          Map.entry("seventh", 7),
          Map.entry("eighth", 8),
          Map.entry("ninth", 9),
          Map.entry("tenth", 10),
          Map.entry("eleventh", 11),
          Map.entry("twelfth", 12),
          Map.entry("twentieth", 20),
          Map.entry("thirtieth", 30),
          Map.entry("fiftieth", 50),
          Map.entry("hundredth", 100));

  /** Denominators of fractions in words: "a third", "two thirds", "three quarters". */
  private static final Map<String, Integer> PARTS =
      Map.of(
          "half",
          2,
          "halves",
          2,
          "third",
          3,
          "thirds",
          3,
          "quarter",
          4,
          "quarters",
          4,
          "fifth",
          5,
          "fifths",
          5);

  private Figures() {}

  static List<Figure> find(String text, List<Words.Word> words) {
    List<Figure> out = new ArrayList<>();
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      BigDecimal n =
          new BigDecimal(m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
      String scaleWord = m.group(6) == null ? null : m.group(6).strip().toLowerCase(Locale.ROOT);
      double unscaled = n.doubleValue();
      double value = scaleWord == null ? unscaled : unscaled * SCALES.get(scaleWord);
      Sort sort = m.group(5) != null ? Sort.PERCENT : Sort.EXACT;
      out.add(new Figure(m.group().strip(), value, unscaled, sort, true, m.start(), m.end()));
    }
    inWords(text, words, out);
    return out;
  }

  private static void inWords(String text, List<Words.Word> words, List<Figure> out) {
    int i = 0;
    while (i < words.size()) {
      int consumed = readWords(text, words, i, out);
      i += Math.max(1, consumed);
    }
  }

  /** Reads a number in words at {@code i}; returns the words it used (0 when none). */
  private static int readWords(String text, List<Words.Word> words, int i, List<Figure> out) {
    String w = words.get(i).lower();
    String next = i + 1 < words.size() && joined(text, words, i) ? words.get(i + 1).lower() : null;
    if ((w.equals("a") || w.equals("an") || w.equals("one")) && next != null) {
      if (PARTS.containsKey(next) && !next.endsWith("s") && isFraction(text, words, i + 1)) {
        add(
            text,
            words,
            i,
            i + 1,
            1.0 / PARTS.get(next),
            1.0 / PARTS.get(next),
            Sort.FRACTION,
            !next.equals("half"),
            out);
        return 2;
      }
      if (!w.equals("one")
          && (next.equals("dozen")
              || next.equals("hundred")
              || SCALES.containsKey(next) && next.length() > 2)) {
        double v = next.equals("dozen") ? 12 : next.equals("hundred") ? 100 : SCALES.get(next);
        add(text, words, i, i + 1, v, v, Sort.EXACT, true, out);
        return 2;
      }
    }
    if (w.equals("hundred") && (i == 0 || !isNumberWord(words.get(i - 1).lower()))) {
      add(text, words, i, i, 100, 100, Sort.EXACT, true, out);
      return 1;
    }
    if (w.equals("noon") || w.equals("midday")) {
      add(text, words, i, i, 12, 12, Sort.EXACT, false, out);
      return 1;
    }
    if (w.equals("dozen") || w.equals("half")) {
      add(
          text,
          words,
          i,
          i,
          w.equals("dozen") ? 12 : 0.5,
          w.equals("dozen") ? 12 : 0.5,
          w.equals("dozen") ? Sort.EXACT : Sort.FRACTION,
          false,
          out);
      return 1;
    }
    if (ORDINALS.containsKey(w)) {
      int v = ORDINALS.get(w);
      add(text, words, i, i, v, v, Sort.EXACT, v > 2, out);
      return 1;
    }
    if (!UNITS.containsKey(w) && !TENS.containsKey(w)) {
      return 0;
    }
    int j = i;
    long n;
    if (TENS.containsKey(w)) {
      n = TENS.get(w);
      if (joinedTo(text, words, j, UNITS) && UNITS.get(words.get(j + 1).lower()) < 10) {
        n += UNITS.get(words.get(++j).lower());
      }
    } else {
      n = UNITS.get(w);
    }
    if (j + 1 < words.size()
        && joined(text, words, j)
        && words.get(j + 1).lower().equals("hundred")) {
      j++;
      n *= 100;
      int k = j + 1;
      if (k < words.size() && joined(text, words, j) && words.get(k).lower().equals("and")) {
        k++;
      }
      if (k < words.size() && joined(text, words, k - 1)) {
        String rest = words.get(k).lower();
        if (UNITS.containsKey(rest) || TENS.containsKey(rest)) {
          long r = UNITS.containsKey(rest) ? UNITS.get(rest) : TENS.get(rest);
          j = k;
          if (TENS.containsKey(rest)
              && joinedTo(text, words, j, UNITS)
              && UNITS.get(words.get(j + 1).lower()) < 10) {
            r += UNITS.get(words.get(++j).lower());
          }
          n += r;
        }
      }
    }
    double value = n;
    double unscaled = n;
    Sort sort = Sort.EXACT;
    if (j + 1 < words.size() && joined(text, words, j)) {
      String after = words.get(j + 1).lower();
      if (SCALES.containsKey(after) && after.length() > 2) {
        value = n * (double) SCALES.get(after);
        j++;
      } else if (after.equals("dozen")) {
        value = n * 12.0;
        j++;
      } else if (PARTS.containsKey(after) && after.endsWith("s") && n > 1) {
        value = (double) n / PARTS.get(after);
        unscaled = value;
        sort = Sort.FRACTION;
        j++;
      }
    }
    boolean claim = !(j == i && n == 1);
    add(text, words, i, j, value, unscaled, sort, claim, out);
    return j - i + 1;
  }

  private static boolean isNumberWord(String w) {
    return UNITS.containsKey(w) || TENS.containsKey(w) || w.equals("a") || w.equals("an");
  }

  /** "a third of", "a third." are fractions; "a fifth floor" is an ordinal. */
  private static boolean isFraction(String text, List<Words.Word> words, int part) {
    return words.get(part).lower().equals("half")
        || !joined(text, words, part)
        || words.get(part + 1).lower().equals("of");
  }

  private static boolean joinedTo(
      String text, List<Words.Word> words, int j, Map<String, Integer> set) {
    return j + 1 < words.size()
        && joined(text, words, j)
        && set.containsKey(words.get(j + 1).lower());
  }

  /** Whether words j and j+1 are separated by nothing but spaces or a hyphen. */
  private static boolean joined(String text, List<Words.Word> words, int j) {
    if (j + 1 >= words.size()) {
      return false;
    }
    String gap = text.substring(words.get(j).end(), words.get(j + 1).start());
    return gap.length() <= 3 && gap.strip().replace("-", "").isEmpty();
  }

  private static void add(
      String text,
      List<Words.Word> words,
      int from,
      int to,
      double value,
      double unscaled,
      Sort sort,
      boolean claim,
      List<Figure> out) {
    int s = words.get(from).start();
    int e = words.get(to).end();
    out.add(new Figure(text.substring(s, e), value, unscaled, sort, claim, s, e));
  }
}
