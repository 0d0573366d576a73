package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Weekdays, months and day-month pairs in text. "May" and "March" count as months only beside a
 * number or after a word such as "in" or "since"; in text with capitals a month or weekday must be
 * capitalised.
 */
final class Dates {

  /**
   * One date mention.
   *
   * @param text as written
   * @param key normalised: "saturday", "march", or "march 3" for a day of a month
   */
  record Mention(String text, String key, int start, int end) {}

  static final Set<String> WEEKDAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private static final Map<String, String> MONTHS =
      Map.ofEntries(
          Map.entry("january", "january"),
          Map.entry("february", "february"),
          Map.entry("march", "march"),
          Map.entry("april", "april"),
          Map.entry("may", "may"),
          Map.entry("june", "june"),
          Map.entry("july", "july"),
          Map.entry("august", "august"),
          Map.entry("september", "september"),
          Map.entry("october", "october"),
          Map.entry("november", "november"),
          Map.entry("december", "december"),
          Map.entry("jan", "january"),
          Map.entry("feb", "february"),
          Map.entry("mar", "march"),
          Map.entry("apr", "april"),
          Map.entry("jun", "june"),
          Map.entry("jul", "july"),
          Map.entry("aug", "august"),
          Map.entry("sep", "september"),
          Map.entry("sept", "september"),
          Map.entry("oct", "october"),
          Map.entry("nov", "november"),
          Map.entry("dec", "december"));

  private static final Set<String> AMBIGUOUS = Set.of("may", "march");

  private static final Set<String> BEFORE_MONTH =
      Set.of(
          "in", "on", "since", "last", "next", "this", "until", "till", "by", "early", "late",
          "mid", "of", "from", "through", "during", "before", "after", "between", "end", "and");

  private Dates() {}

  static boolean isDateWord(String lower) {
    String k = Words.key(lower);
    return WEEKDAYS.contains(k) || WEEKDAYS.contains(strip(k)) || MONTHS.containsKey(k);
  }

  static List<Mention> find(String text, List<Words.Word> words, boolean caseless) {
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Words.Word w = words.get(i);
      String k = w.key();
      if (!caseless && !w.capitalised()) {
        continue;
      }
      if (WEEKDAYS.contains(strip(k))) {
        out.add(new Mention(w.text(), strip(k), w.start(), w.end()));
        continue;
      }
      String month = month(text, words, i);
      if (month == null) {
        continue;
      }
      int day = joined(text, words, i, i + 1) ? dayAt(words, i + 1) : 0;
      if (day > 0) {
        Words.Word d = words.get(i + 1);
        out.add(
            new Mention(text.substring(w.start(), d.end()), month + " " + day, w.start(), d.end()));
        continue;
      }
      int before = i >= 2 && words.get(i - 1).lower().equals("of") ? i - 2 : i - 1;
      day = before >= 0 && joined(text, words, before, i) ? dayAt(words, before) : 0;
      if (day > 0) {
        Words.Word d = words.get(before);
        out.add(
            new Mention(text.substring(d.start(), w.end()), month + " " + day, d.start(), w.end()));
        continue;
      }
      out.add(new Mention(w.text(), month, w.start(), w.end()));
    }
    return out;
  }

  private static @Nullable String month(String text, List<Words.Word> words, int i) {
    Words.Word w = words.get(i);
    String k = w.key();
    String month = MONTHS.get(k);
    if (month == null) {
      return null;
    }
    boolean abbreviation =
        k.length() <= 4 && !k.equals("june") && !k.equals("july") && !k.equals("may");
    if (abbreviation) {
      boolean dotted = w.end() < text.length() && text.charAt(w.end()) == '.';
      return dotted && w.capitalised() ? month : null;
    }
    if (!AMBIGUOUS.contains(k)) {
      return month;
    }
    boolean after = joined(text, words, i, i + 1);
    boolean besideNumber =
        after && (dayAt(words, i + 1) > 0 || yearAt(words, i + 1))
            || joined(text, words, i - 1, i) && dayAt(words, i - 1) > 0;
    boolean afterPreposition = i > 0 && BEFORE_MONTH.contains(words.get(i - 1).lower());
    return besideNumber || afterPreposition ? month : null;
  }

  /**
   * Whether words a..b (a before b) are in one sentence: no stop, colon or semicolon between them.
   */
  private static boolean joined(String text, List<Words.Word> words, int a, int b) {
    if (a < 0 || b >= words.size()) {
      return false;
    }
    String gap = text.substring(words.get(a).end(), words.get(b).start());
    return gap.chars().noneMatch(c -> ".!?;:\n".indexOf(c) >= 0);
  }

  private static int dayAt(List<Words.Word> words, int i) {
    if (i < 0 || i >= words.size()) {
      return 0;
    }
    String t = words.get(i).lower().replaceAll("(st|nd|rd|th)$", "");
    if (t.isEmpty() || t.length() > 2 || !t.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    int d = Integer.parseInt(t);
    return d >= 1 && d <= 31 ? d : 0;
  }

  private static boolean yearAt(List<Words.Word> words, int i) {
    return i >= 0 && i < words.size() && words.get(i).lower().matches("(1[89]|20)\\d\\d");
  }

  private static String strip(String k) {
    return k.endsWith("s") && WEEKDAYS.contains(k.substring(0, k.length() - 1))
        ? k.substring(0, k.length() - 1)
        : k;
  }
}
