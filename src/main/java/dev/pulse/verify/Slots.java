package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * In text without capitals, a word the article never uses, written where the article has a name:
 * "standing trial in china over" against "standing trial in birmingham over". The dictionary cannot
 * tell "china" from a common word, but the words around it are the article's words around a name. A
 * word's contexts: the words right before and after it, the two before, or the two after, within
 * its sentence; each must hold a content word ("in the _" says nothing).
 */
final class Slots {

  private Slots() {}

  /** The contexts of word {@code i}, as keys such as "trial in|over". */
  static List<String> contexts(String text, List<Words.Word> words, int i) {
    String l1 = neighbour(text, words, i, -1);
    String l2 = l1 == null ? null : neighbour(text, words, i - 1, -1);
    String r1 = neighbour(text, words, i, +1);
    String r2 = r1 == null ? null : neighbour(text, words, i + 1, +1);
    List<String> out = new ArrayList<>(3);
    if (l1 != null && r1 != null && (content(l1) || content(r1))) {
      out.add(l1 + "|" + r1);
    }
    if (l2 != null && (content(l1) || content(l2))) {
      out.add(l2 + " " + l1 + "|");
    }
    if (r2 != null && content(r1) && content(r2)) {
      out.add("|" + r1 + " " + r2);
    }
    return out;
  }

  /** The words of generated text put where the article has a name (see the class comment). */
  static List<String> swapped(String text, List<Words.Word> words, Source source, Lexicon lexicon) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String k = words.get(i).key();
      if (!content(k)
          || !Names.isNameWord(k, lexicon)
          || Words.TITLES.contains(k)
          || source.knows(k)
          || source.supports(new Names.Name(k, List.of(k), true))
          || Inflections.bases(k).stream().anyMatch(source::knows)) {
        continue;
      }
      for (String c : contexts(text, words, i)) {
        if (source.inSlot(c).stream().anyMatch(w -> Names.isUnknown(w, lexicon))) {
          out.add(words.get(i).text());
          break;
        }
      }
    }
    return out;
  }

  private static boolean content(String key) {
    return key.length() >= 3
        && key.chars().allMatch(Character::isLetter)
        && Counted.stem(new Words.Word(key, key, 0, key.length(), false)) != null
        && !Dates.isDateWord(key);
  }

  /** The key of the word next to word {@code i} in direction {@code step}, in its sentence. */
  private static @Nullable String neighbour(String text, List<Words.Word> words, int i, int step) {
    int j = i + step;
    if (i < 0 || i >= words.size() || j < 0 || j >= words.size()) {
      return null;
    }
    int from = Math.min(words.get(i).end(), words.get(j).end());
    int to = Math.max(words.get(i).start(), words.get(j).start());
    String gap = from <= to ? text.substring(from, to) : "";
    return gap.chars().anyMatch(c -> ".!?;:,\n()\"".indexOf(c) >= 0) ? null : words.get(j).key();
  }
}
