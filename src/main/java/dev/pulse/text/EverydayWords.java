package dev.pulse.text;

import java.util.Locale;
import java.util.Set;

/**
 * The most common English words, inflections included: SCOWL's two smallest lists (sizes 10 and 20,
 * about 11,000 lower-case words; see everyday-words.NOTICE). A word outside them is rarer: a name,
 * a term or a specific thing ("tsarnaev", "norovirus", "avalanche"), where these are the words of
 * everyday talk ("documents", "trial", "finish", "line", "busy").
 */
public final class EverydayWords {

  private static final String RESOURCE = "everyday-words.txt.gz";
  private static final Set<String> WORDS = read();

  private EverydayWords() {}

  /**
   * Whether a word is an everyday English word; a hyphenated word when each of its parts is
   * ("right-wing"). Case is ignored.
   */
  public static boolean contains(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (w.isEmpty()) {
      return false;
    }
    if (listed(w)) {
      return true;
    }
    if (!w.contains("-")) {
      return false;
    }
    for (String part : w.split("-")) {
      if (!part.isEmpty() && !listed(part)) {
        return false;
      }
    }
    return true;
  }

  /** The word, or the singular of a plural the lists rank rarer ("crews" of "crew"). */
  private static boolean listed(String w) {
    if (WORDS.contains(w)) {
      return true;
    }
    if (w.length() < 4 || !w.endsWith("s") || w.endsWith("ss")) {
      return false;
    }
    String stem = w.substring(0, w.length() - 1);
    return WORDS.contains(stem)
        || w.endsWith("es") && WORDS.contains(w.substring(0, w.length() - 2))
        || w.endsWith("ies") && WORDS.contains(w.substring(0, w.length() - 3) + "y");
  }

  private static Set<String> read() {
    return WordList.read(EverydayWords.class, RESOURCE);
  }
}
