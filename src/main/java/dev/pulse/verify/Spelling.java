package dev.pulse.verify;

import java.util.function.Predicate;

/**
 * One-slip spelling variants of a word: two neighbouring letters swapped ("guidlford"), one letter
 * changed ("lawrence", "laurence") or one letter dropped or added ("beckenebauer"). Short words are
 * left alone, where one letter more often makes another name (Clark, Clarke; Johnson, Johnston is
 * as short as a dropped letter may be).
 */
final class Spelling {

  /** Shortest word in which two letters may be swapped. */
  static final int MIN_SWAP = 5;

  /** Shortest word in which one letter may differ. */
  static final int MIN_CHANGE = 7;

  /** Shortest word (the longer of the two) that may have a letter more. */
  static final int MIN_EXTRA = 9;

  private Spelling() {}

  /** Whether some one-slip variant of {@code word} is a word {@code known} accepts. */
  static boolean hasVariant(String word, Predicate<String> known) {
    return hasVariant(word, known, true);
  }

  /**
   * The same without changed letters, which turn too many names into words ("rowling", "bowling"):
   * for telling a misspelt common word ("dmonstrated") from a name.
   */
  static boolean isMisspelt(String word, Predicate<String> known) {
    return hasVariant(word, known, false);
  }

  private static boolean hasVariant(String word, Predicate<String> known, boolean changes) {
    int n = word.length();
    char[] c = word.toCharArray();
    if (n >= MIN_SWAP) {
      for (int i = 0; i + 1 < n; i++) {
        if (c[i] != c[i + 1] && Character.isLetter(c[i]) && Character.isLetter(c[i + 1])) {
          swap(c, i);
          boolean hit = known.test(new String(c));
          swap(c, i);
          if (hit) {
            return true;
          }
        }
      }
    }
    if (changes && n >= MIN_CHANGE) {
      for (int i = 0; i < n; i++) {
        char was = c[i];
        for (char x = 'a'; x <= 'z'; x++) {
          if (x != was) {
            c[i] = x;
            if (known.test(new String(c))) {
              c[i] = was;
              return true;
            }
          }
        }
        c[i] = was;
      }
    }
    if (n >= MIN_EXTRA) {
      for (int i = 0; i < n; i++) {
        if (known.test(word.substring(0, i) + word.substring(i + 1))) {
          return true;
        }
      }
    }
    if (n + 1 >= MIN_EXTRA) {
      for (int i = 0; i <= n; i++) {
        for (char x = 'a'; x <= 'z'; x++) {
          if (known.test(word.substring(0, i) + x + word.substring(i))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void swap(char[] c, int i) {
    char t = c[i];
    c[i] = c[i + 1];
    c[i + 1] = t;
  }
}
