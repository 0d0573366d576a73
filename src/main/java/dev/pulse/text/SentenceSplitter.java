package dev.pulse.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits plain text into sentences without a model. Paragraph breaks always end a sentence; inside a
 * paragraph a sentence ends at {@code . ! ?} (plus closing quotes or brackets) followed by space and
 * a plausible sentence start. Abbreviations ("Mr.", "Jan.", "U.S."), initials ("J. Smith") and
 * decimals ("0.1%") do not end a sentence. Text that is almost all lower case (some news archives
 * ship it that way) may start a sentence with a lower-case letter.
 */
public final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt",
          "col", "capt", "sgt", "cpl", "rev", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul",
          "aug", "sep", "sept", "oct", "nov", "dec", "fig", "mt", "approx", "dept", "inc", "corp",
          "ltd", "co", "no", "nos", "est", "etc", "al", "pres", "supt", "adm", "cmdr",
          "maj", "messrs", "ft", "ave", "blvd", "rd", "univ", "assn", "bros", "ph", "op", "pp");

  /** Words after which "Inc." or "etc." usually does end the sentence when a capital follows. */
  private static final Set<String> SOFT_ABBREVIATIONS = Set.of("inc", "corp", "ltd", "co", "etc");

  private SentenceSplitter() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    boolean lowerCaseText = isMostlyLowerCase(text);
    for (String paragraph : text.split("\\r?\\n")) {
      splitParagraph(paragraph.strip(), lowerCaseText, out);
    }
    return out;
  }

  private static void splitParagraph(String p, boolean lowerCaseText, List<String> out) {
    int start = 0;
    int n = p.length();
    int i = 0;
    while (i < n) {
      char c = p.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == '…') {
        int end = i + 1;
        while (end < n && isTerminalPunct(p.charAt(end))) {
          end++;
        }
        while (end < n && isClosing(p.charAt(end))) {
          end++;
        }
        if (end < n && Character.isWhitespace(p.charAt(end)) && isBoundary(p, start, i, end, lowerCaseText)) {
          add(out, p.substring(start, end));
          start = end;
        }
        i = end;
      } else {
        i++;
      }
    }
    add(out, p.substring(start));
  }

  private static boolean isBoundary(String p, int start, int punct, int end, boolean lowerCaseText) {
    int next = end;
    while (next < p.length() && Character.isWhitespace(p.charAt(next))) {
      next++;
    }
    if (next >= p.length()) {
      return true;
    }
    char first = p.charAt(next);
    if (isOpening(first) && next + 1 < p.length()) {
      first = p.charAt(next + 1);
    }
    boolean startsLikeSentence =
        Character.isUpperCase(first)
            || Character.isDigit(first)
            || (lowerCaseText && Character.isLetter(first));
    if (!startsLikeSentence) {
      return false;
    }
    if (p.charAt(punct) != '.') {
      return true;
    }
    String word = wordBefore(p, start, punct);
    if (word.isEmpty()) {
      return true;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals("no") && !Character.isDigit(first)) {
      return true; // "said no." ends a sentence, "No. 10" does not
    }
    if (ABBREVIATIONS.contains(lower)) {
      return SOFT_ABBREVIATIONS.contains(lower) && Character.isUpperCase(first) && !lowerCaseText
          && isCommonSentenceStart(p, next);
    }
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return lowerCaseText ? false : !Character.isUpperCase(word.charAt(0));
    }
    // dotted abbreviations: U.S., e.g., a.m.
    if (word.indexOf('.') >= 0) {
      return Character.isUpperCase(first) && !lowerCaseText && isCommonSentenceStart(p, next);
    }
    return true;
  }

  private static final Set<String> SENTENCE_STARTERS =
      Set.of(
          "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "but",
          "and", "in", "on", "at", "its", "their", "his", "her", "there", "for", "as", "after",
          "when", "while", "officials", "police", "shares");

  private static boolean isCommonSentenceStart(String p, int at) {
    int e = at;
    while (e < p.length() && Character.isLetter(p.charAt(e))) {
      e++;
    }
    return SENTENCE_STARTERS.contains(p.substring(at, e).toLowerCase(Locale.ROOT));
  }

  /** The token before the punctuation at {@code punct}, letters and inner dots only. */
  private static String wordBefore(String p, int start, int punct) {
    int b = punct;
    while (b > start && (Character.isLetter(p.charAt(b - 1)) || p.charAt(b - 1) == '.')) {
      b--;
    }
    if (b > start && Character.isDigit(p.charAt(b - 1))) {
      return "";
    }
    String w = p.substring(b, punct);
    while (w.startsWith(".")) {
      w = w.substring(1);
    }
    return w;
  }

  private static boolean isMostlyLowerCase(String text) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < text.length() && i < 5000; i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    return lower > 50 && upper * 100 < lower;
  }

  private static boolean isTerminalPunct(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\'' || c == '\u2019' || c == '\u201d' || c == ')' || c == ']';
  }

  private static boolean isOpening(char c) {
    return c == '"' || c == '\'' || c == '\u2018' || c == '\u201c' || c == '(' || c == '[';
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
