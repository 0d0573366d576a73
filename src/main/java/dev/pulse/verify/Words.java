package dev.pulse.verify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Word tokens of a text with their places, case and whether they start a sentence. */
final class Words {

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019.][\\p{L}\\p{N}]+)*");

  /** Titles and honorifics: they precede names but are not part of what must be found. */
  static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "lord",
          "lady",
          "president",
          "prime",
          "minister",
          "chancellor",
          "secretary",
          "senator",
          "representative",
          "congressman",
          "congresswoman",
          "sen",
          "rep",
          "gov",
          "governor",
          "mayor",
          "judge",
          "justice",
          "general",
          "gen",
          "col",
          "capt",
          "captain",
          "sgt",
          "lt",
          "officer",
          "detective",
          "inspector",
          "chief",
          "king",
          "queen",
          "prince",
          "princess",
          "pope",
          "rev",
          "father",
          "st",
          "saint",
          "coach",
          "manager",
          "chairman",
          "ceo",
          "director",
          "superintendent",
          "constable",
          "pc",
          "det",
          "insp");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "capt", "sgt",
          "lt", "rev", "det", "insp", "jr", "sr", "no", "vs", "v");

  private Words() {}

  /** One word. */
  record Word(String text, String lower, int start, int end, boolean sentenceStart) {

    boolean capitalised() {
      return Character.isUpperCase(text.codePointAt(0));
    }

    boolean allCaps() {
      return text.length() > 1
          && text.equals(text.toUpperCase(Locale.ROOT))
          && !text.equals(text.toLowerCase(Locale.ROOT));
    }

    /** Lower case without accents, a possessive "'s" and curly apostrophes. */
    String key() {
      return Words.key(lower);
    }
  }

  static List<Word> of(String text) {
    List<Word> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    Word previous = null;
    while (m.find()) {
      String t = m.group();
      boolean start = startsSentence(text, m.start(), previous);
      Word w = new Word(t, t.toLowerCase(Locale.ROOT), m.start(), m.end(), start);
      out.add(w);
      previous = w;
    }
    return out;
  }

  static String key(String lower) {
    String s = fold(lower).replace('\u2019', '\'');
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s'")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Letters without their accents ("beyoncé" is "beyonce", "dubé" "dube"); ASCII as it is. */
  static String fold(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) > 0x7f) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
      }
    }
    return word;
  }

  /** Whether text has (almost) no capital letters, as some news archives ship it. */
  static boolean isCaseless(String text) {
    long letters = 0;
    long upper = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return letters > 0 && upper * 500 < letters;
  }

  private static boolean startsSentence(String text, int at, @Nullable Word previous) {
    int i = at - 1;
    while (i >= 0
        && (Character.isWhitespace(text.charAt(i))
            || "\"'\u201c\u201d\u2018\u2019([-\u2013\u2014*".indexOf(text.charAt(i)) >= 0)) {
      if (text.charAt(i) == '\n') {
        return true;
      }
      i--;
    }
    if (i < 0) {
      return true;
    }
    char c = text.charAt(i);
    if (c == '.'
        && previous != null
        && previous.end() == i
        && ABBREVIATIONS.contains(previous.lower())) {
      return false;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\u2026';
  }
}
