package dev.pulse.text;

import java.util.regex.Pattern;

/**
 * Text as it may be stored and published: no control characters, no bidirectional overrides or
 * isolates (a headline must not read reversed on the site), no zero-width characters, and one-line
 * fields capped at a sane length (a 100 KB "title" must not reach every listing page). Pure.
 */
public final class StoredText {

  /** Longest title kept, in characters (the rest is cut at a word and marked with "…"). */
  public static final int MAX_TITLE = 300;

  /** Longest byline or site name kept, in characters. */
  public static final int MAX_BYLINE = 200;

  /**
   * C0/C1 controls (tab and newline are handled by the callers), bidi embeddings, overrides and
   * isolates, zero-width spaces and joiners, LRM/RLM/ALM, word joiner, BOM.
   */
  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u200B-\\u200F\\u202A-\\u202E"
              + "\\u2060-\\u2064\\u2066-\\u2069\\u061C\\uFEFF]");

  private StoredText() {}

  /** A one-line field (title, byline, summary, tag): invisible characters out, spaces collapsed. */
  public static String line(String s, int max) {
    if (s == null) {
      return null;
    }
    String clean =
        INVISIBLE
            .matcher(s.replace('\n', ' ').replace('\t', ' ').replace('\r', ' '))
            .replaceAll("")
            .replaceAll("\\s+", " ")
            .strip();
    return cap(clean, max);
  }

  /** A one-line field with no length limit of its own (summaries have the analyzer's limits). */
  public static String line(String s) {
    return line(s, Integer.MAX_VALUE);
  }

  /** A body of paragraphs: invisible characters out, newlines kept. */
  public static String body(String s) {
    if (s == null) {
      return null;
    }
    return INVISIBLE.matcher(s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
  }

  private static String cap(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    return s.substring(0, cut).strip() + "…";
  }
}
