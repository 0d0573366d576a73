package dev.pulse.publish;

import dev.pulse.text.WordTokens;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small pure text helpers for pages and feeds. */
final class Text {

  private Text() {}

  /**
   * Removes characters that are invalid in XML 1.0 or invisible trouble in HTML (C0 controls other
   * than tab, newline and carriage return; DEL; U+FFFE/U+FFFF; unpaired surrogates). Null stays
   * null.
   */
  static @Nullable String clean(@Nullable String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (!bad) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        bad =
            (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || c == 0x7f
                || c == 0xfffe
                || c == 0xffff
                || Character.isLowSurrogate(c);
      }
      if (bad && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!bad && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Cleaned, whitespace collapsed and trimmed; null or blank gives null. */
  static @Nullable String display(@Nullable String s) {
    String c = clean(s);
    if (c == null) {
      return null;
    }
    if (tidy(c)) {
      return c.isEmpty() ? null : c;
    }
    StringBuilder b = new StringBuilder(c.length());
    boolean pendingSpace = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (Character.isWhitespace(ch)) {
        pendingSpace = b.length() > 0;
      } else {
        if (pendingSpace) {
          b.append(' ');
          pendingSpace = false;
        }
        b.append(ch);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  /** No whitespace at the ends, none but single spaces inside (the common case: no copy). */
  private static boolean tidy(String c) {
    boolean previousSpace = true;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (Character.isWhitespace(ch)) {
        if (ch != ' ' || previousSpace) {
          return false;
        }
        previousSpace = true;
      } else {
        previousSpace = false;
      }
    }
    return !previousSpace || c.isEmpty();
  }

  /** A key under which two titles count as the same story: its lower-case words, spaced once. */
  static String titleKey(String title) {
    StringBuilder b = new StringBuilder();
    for (String w : WordTokens.of(title)) {
      b.append(w).append(' ');
    }
    return b.toString().strip();
  }

  /** The sentences of a text, trimmed, in order. */
  static List<String> sentences(@Nullable String text) {
    List<String> out = new ArrayList<>();
    String t = display(text);
    if (t == null) {
      return out;
    }
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(t);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = t.substring(start, end).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
  static @Nullable String truncate(@Nullable String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return s.substring(0, cut).stripTrailing() + "\u2026";
  }

  /** Most words of a card's dek. */
  static final int DEK_WORDS = 30;

  /**
   * A card's dek: the summary's first sentence when it has at most {@value #DEK_WORDS} words; a
   * longer one is cut at its last clause break (comma, semicolon, dash) within the limit, else at
   * the limit, and marked with an ellipsis. Null for a blank summary.
   */
  static @Nullable String dek(@Nullable String summary) {
    List<String> sentences = sentences(summary);
    if (sentences.isEmpty()) {
      return null;
    }
    String first = sentences.get(0);
    String[] words = first.split(" ");
    if (words.length <= DEK_WORDS) {
      return first;
    }
    int clause = -1;
    for (int w = DEK_WORDS - 1; w >= DEK_WORDS / 2 && clause < 0; w--) {
      if (words[w].endsWith(",") || words[w].endsWith(";") || words[w + 1].equals("\u2014")) {
        clause = w;
      }
    }
    int last = clause < 0 ? DEK_WORDS - 1 : clause;
    String cut = String.join(" ", java.util.Arrays.copyOfRange(words, 0, last + 1));
    return cut.replaceAll("[,;:\\s]+$", "") + "\u2026";
  }
}
