package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names in generated text. In text with capitals: runs of capitalised words ("Angela Merkel", "Bank
 * of England") and single capitalised words, leaving out a sentence's first word when it is a
 * common word ("The", "Police"). In text without capitals: runs of words the lexicon does not know.
 */
final class Names {

  /**
   * One name.
   *
   * @param text as written
   * @param parts the lower-case words that must be found in the article (titles and connectors left
   *     out)
   * @param acronym whether it is written in capitals ("NATO"), or, in text without capitals, is one
   *     short unknown word ("psg"): the initials of words of the article may support it
   */
  record Name(String text, List<String> parts, boolean acronym) {}

  private static final Set<String> CONNECTORS =
      Set.of(
          "of", "de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "al", "bin",
          "el", "la", "le", "y", "and", "aka");

  /** Longest unknown word of lower-cased text that may be an acronym ("psg", "uefa"). */
  private static final int MAX_ACRONYM = 4;

  private Names() {}

  static List<Name> find(String text, List<Words.Word> words, boolean caseless, Lexicon lexicon) {
    return caseless ? caseless(text, words, lexicon) : cased(text, words, lexicon);
  }

  private static List<Name> cased(String text, List<Words.Word> words, Lexicon lexicon) {
    List<Name> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      if (!isCandidate(words.get(i), lexicon)) {
        i++;
        continue;
      }
      int j = i;
      while (true) {
        if (j + 1 < words.size() && adjacent(text, words, j) && isNamePart(words.get(j + 1))) {
          j++;
        } else if (j + 2 < words.size()
            && adjacent(text, words, j)
            && adjacent(text, words, j + 1)
            && CONNECTORS.contains(words.get(j + 1).text())
            && isNamePart(words.get(j + 2))) {
          j += 2;
        } else {
          break;
        }
      }
      add(text, words, i, j, out);
      i = j + 1;
    }
    return out;
  }

  private static List<Name> caseless(String text, List<Words.Word> words, Lexicon lexicon) {
    List<Name> out = new ArrayList<>();
    int taken = 0;
    int i = 0;
    while (i < words.size()) {
      if (!isUnknown(words.get(i), lexicon)) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < words.size()
          && adjacent(text, words, j)
          && isUnknown(words.get(j + 1), lexicon)) {
        j++;
      }
      // a word that is both a name and a common word, just before a name, is part of it: "terry
      // copeland"
      int first = i;
      while (first > taken
          && adjacent(text, words, first - 1)
          && isGivenName(words.get(first - 1), lexicon)) {
        first--;
      }
      i = first;
      add(text, words, i, j, out);
      taken = j + 1;
      if (i == j && words.get(i).key().length() <= MAX_ACRONYM) {
        Name n = out.remove(out.size() - 1);
        out.add(new Name(n.text(), n.parts(), true));
      }
      i = j + 1;
    }
    return out;
  }

  private static boolean isGivenName(Words.Word w, Lexicon lexicon) {
    String k = w.key();
    return lexicon.mayBeName(k)
        && !Dates.isDateWord(k)
        && !Words.TITLES.contains(k)
        && !CONNECTORS.contains(k);
  }

  /**
   * Whether a lower-case word may be (part of) a name: a word the lexicon does not know, or a
   * common word it also lists as a name ("terry", "hill").
   */
  static boolean isNameWord(String key, Lexicon lexicon) {
    return isUnknown(key, lexicon)
        || lexicon.mayBeName(key)
            && !Dates.isDateWord(key)
            && !Words.TITLES.contains(key)
            && !CONNECTORS.contains(key);
  }

  private static boolean isUnknown(Words.Word w, Lexicon lexicon) {
    return isUnknown(w.key(), lexicon);
  }

  /** Whether a lower-case word is one the lexicon does not know, or knows mostly as a name. */
  static boolean isUnknown(String k, Lexicon lexicon) {
    return k.length() >= 3
        && Character.isLetter(k.codePointAt(0))
        && !k.chars().anyMatch(Character::isDigit)
        && !Dates.isDateWord(k)
        && !Words.TITLES.contains(k)
        && (!lexicon.isCommon(k) && !Spelling.isMisspelt(k, lexicon::isListed)
            || lexicon.isMostlyName(k));
  }

  /** A capitalised word that can start a name. */
  private static boolean isCandidate(Words.Word w, Lexicon lexicon) {
    if (!isNamePart(w) || w.text().equals("I") || Dates.isDateWord(w.lower())) {
      return false;
    }
    if (w.sentenceStart() && !w.allCaps()) {
      return !lexicon.isCommon(w.key()) && !Words.TITLES.contains(w.key());
    }
    return true;
  }

  private static boolean isNamePart(Words.Word w) {
    return w.capitalised()
        && Character.isLetter(w.text().codePointAt(0))
        && !Dates.isDateWord(w.lower());
  }

  private static void add(String text, List<Words.Word> words, int i, int j, List<Name> out) {
    List<String> parts = new ArrayList<>();
    for (int k = i; k <= j; k++) {
      String key = words.get(k).key();
      if (!CONNECTORS.contains(key) && !Words.TITLES.contains(key.replace(".", ""))) {
        parts.add(key.replace(".", ""));
      }
    }
    if (parts.isEmpty()) {
      return;
    }
    boolean acronym = i == j && words.get(i).allCaps();
    out.add(new Name(text.substring(words.get(i).start(), words.get(j).end()), parts, acronym));
  }

  /** Words i and i+1 with only spaces or a hyphen between them. */
  private static boolean adjacent(String text, List<Words.Word> words, int i) {
    String gap = text.substring(words.get(i).end(), words.get(i + 1).start());
    return !gap.isEmpty()
        && gap.length() <= 2
        && gap.strip().replace("-", "").isEmpty()
        && gap.indexOf('\n') < 0;
  }
}
