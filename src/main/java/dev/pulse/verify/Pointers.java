package dev.pulse.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences that point the reader elsewhere instead of saying something about the article: "Read:
 * Henderson signs new deal", "Click here for the match report", a helpline ("For confidential
 * support call ... or click here"). They name other pages' people and figures, so they are not
 * checked; they are blanked out (replaced by spaces, keeping every other claim's place).
 */
final class Pointers {

  /** A sentence: up to a stop, question or exclamation mark followed by a space, or a line end. */
  private static final Pattern SENTENCE = Pattern.compile("[^\\n.!?]*(?:[.!?]+(?=\\s|$)|[.!?]|$)");

  /** "Read:", "Watch the video:", "See also:", "Related:" and the like opening a sentence. */
  private static final Pattern LABEL =
      Pattern.compile(
          "^\\W*(?:read|watch|see|listen|related|more)\\b[^:.!?]{0,30}:", Pattern.CASE_INSENSITIVE);

  /** A pointer anywhere in a sentence. */
  private static final Pattern POINTER =
      Pattern.compile(
          "\\b(?:click|tap) here\\b|\\bscroll down\\b|^\\W*read the full\\b"
              + "|^\\W*for (?:confidential )?support\\b",
          Pattern.CASE_INSENSITIVE);

  private Pointers() {}

  /** The text with its pointer sentences replaced by spaces (same length, same offsets). */
  static String blank(String text) {
    StringBuilder out = new StringBuilder(text);
    Matcher m = SENTENCE.matcher(text);
    while (m.find()) {
      if (m.end() == m.start()) {
        if (m.end() >= text.length()) {
          break;
        }
        continue;
      }
      String s = m.group();
      if (LABEL.matcher(s).find() || POINTER.matcher(s).find()) {
        for (int i = m.start(); i < m.end(); i++) {
          if (!Character.isWhitespace(text.charAt(i))) {
            out.setCharAt(i, ' ');
          }
        }
      }
    }
    return out.toString();
  }
}
