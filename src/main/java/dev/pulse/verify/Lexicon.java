package dev.pulse.verify;

import dev.pulse.text.WordList;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Common English words (SCOWL's lower-case entries, see common-words.NOTICE), with the inflections
 * and British spellings a dictionary lists only once (not compounds: "liverpool" is a name). In
 * text without capital letters a word the lexicon does not know is taken for a name, and a word it
 * lists both as a name and as a common word ("china", "hill", "terry") may be part of one.
 */
final class Lexicon {

  private static final String RESOURCE = "common-words.txt.gz";
  private static final String NAMES = "name-words.txt.gz";
  private static final String RARE = "rare-common-names.txt.gz";
  private static volatile @Nullable Lexicon standard;

  private final Set<String> words;
  private final Set<String> names;
  private final Set<String> rare;

  Lexicon(Set<String> words) {
    this(words, Set.of(), Set.of());
  }

  /**
   * @param words common words
   * @param names common words that are also names ("china", "hill", "terry")
   * @param rare those of them that are rare as common words ("japan", "terry")
   */
  Lexicon(Set<String> words, Set<String> names, Set<String> rare) {
    this.words = Set.copyOf(words);
    this.names = Set.copyOf(names);
    this.rare = Set.copyOf(rare);
  }

  /** The bundled word list, read once. */
  static Lexicon standard() {
    Lexicon l = standard;
    if (l == null) {
      synchronized (Lexicon.class) {
        if (standard == null) {
          standard = load();
        }
        l = standard;
      }
    }
    return l;
  }

  private static Lexicon load() {
    return new Lexicon(read(RESOURCE), read(NAMES), read(RARE));
  }

  private static Set<String> read(String resource) {
    return WordList.read(Lexicon.class, resource);
  }

  /** Whether a lower-case common word is also a name ("china", "hill", "terry"). */
  boolean mayBeName(String word) {
    return names.contains(Words.key(word));
  }

  /**
   * Whether a lower-case word is a name far more often than a common word ("japan", "terry",
   * "oxford"): SCOWL lists it as a name and, as a common word, only beyond its smaller list.
   */
  boolean isMostlyName(String word) {
    return rare.contains(Words.key(word));
  }

  /** Whether a lower-case word is a common word, directly, inflected or spelt the British way. */
  boolean isCommon(String word) {
    String w = word.replace('\u2019', '\'');
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    if (known(w)) {
      return true;
    }
    for (String base : Inflections.bases(w)) {
      if (known(base)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the list has this very word (no inflection undone). */
  boolean isListed(String word) {
    return words.contains(word);
  }

  private boolean known(String w) {
    if (words.contains(w)) {
      return true;
    }
    for (String v : Inflections.americanSpellings(w)) {
      if (words.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
