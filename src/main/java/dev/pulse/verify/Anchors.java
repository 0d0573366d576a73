package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a date or a year is tied to: the nearest content word on either side within its
 * sentence ("died in 1985": "died"; "arrested on Tuesday after": "arrested", "after" is skipped). A
 * claim "died in 1982" against an article that has "died in 1985" and 1982 only elsewhere is then
 * told apart from one whose article never says when anyone died.
 */
final class Anchors {

  /** Function words skipped on the way to a content word, at most this many. */
  private static final int SKIP = 2;

  private Anchors() {}

  /** Stems of the content words next to the span {@code start..end}: left first, then right. */
  static List<String> around(String text, List<Words.Word> words, int start, int end) {
    return around(text, words, start, end, 1);
  }

  /** The same with up to {@code each} content words on either side (an article's wider reach). */
  static List<String> around(String text, List<Words.Word> words, int start, int end, int each) {
    List<String> out = new ArrayList<>(2);
    int first = -1;
    int last = -1;
    for (int i = 0; i < words.size(); i++) {
      if (first < 0 && words.get(i).end() > start) {
        first = i;
      }
      if (words.get(i).start() < end) {
        last = i;
      }
    }
    if (first < 0 || last < 0) {
      return out;
    }
    walk(text, words, first, -1, each, out);
    walk(text, words, last, +1, each, out);
    return out;
  }

  private static void walk(
      String text, List<Words.Word> words, int from, int step, int each, List<String> out) {
    int at = from;
    int found = 0;
    for (int n = 0; n <= SKIP + each - 1 && found < each; n++) {
      int next = at + step;
      if (next < 0 || next >= words.size() || !sameSentence(text, words, at, next)) {
        return;
      }
      String stem = Counted.stem(words.get(next));
      if (stem != null && !Dates.isDateWord(words.get(next).key())) {
        out.add(stem);
        found++;
      }
      at = next;
    }
  }

  private static boolean sameSentence(String text, List<Words.Word> words, int a, int b) {
    int from = Math.min(words.get(a).end(), words.get(b).end());
    int to = Math.max(words.get(a).start(), words.get(b).start());
    String gap = from <= to ? text.substring(from, to) : "";
    return gap.chars().noneMatch(c -> ".!?;:,\n()\"".indexOf(c) >= 0);
  }
}
