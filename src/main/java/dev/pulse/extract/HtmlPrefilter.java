package dev.pulse.extract;

/**
 * Cuts the parts of raw HTML that can never hold article text — scripts (except JSON-LD), styles,
 * comments, inline SVG — before parsing. News pages are often mostly script, so this halves the
 * parser's work. A linear scan; unterminated constructs run to the end of the input, as a browser
 * would treat them.
 */
final class HtmlPrefilter {

  private HtmlPrefilter() {}

  static String strip(String html) {
    int n = html.length();
    StringBuilder out = new StringBuilder(Math.min(n, 1 << 20));
    int copied = 0;
    int i = html.indexOf('<');
    while (i >= 0 && i < n - 3) {
      int skipTo = -1;
      char next = html.charAt(i + 1);
      if (next != '!' && next != 's' && next != 'S') {
        i = html.indexOf('<', i + 1);
        continue;
      }
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        skipTo = end < 0 ? n : end + 3;
      } else if (tagAt(html, i, "script")) {
        int open = html.indexOf('>', i);
        if (open < 0) {
          break;
        }
        if (!isJsonLd(html, i, open)) {
          skipTo = closeOf(html, open, "</script");
        }
      } else if (tagAt(html, i, "style")) {
        skipTo = closeOf(html, i, "</style");
      } else if (tagAt(html, i, "svg")) {
        skipTo = closeOf(html, i, "</svg");
      }
      if (skipTo >= 0) {
        out.append(html, copied, i);
        copied = skipTo;
        i = skipTo;
      } else {
        i++;
      }
      i = html.indexOf('<', i);
    }
    if (copied == 0) {
      return html;
    }
    out.append(html, copied, n);
    return out.toString();
  }

  private static boolean tagAt(String html, int i, String name) {
    int end = i + 1 + name.length();
    if (end >= html.length() || !html.regionMatches(true, i + 1, name, 0, name.length())) {
      return false;
    }
    char next = html.charAt(end);
    return next == '>' || next == '/' || Character.isWhitespace(next);
  }

  private static boolean isJsonLd(String html, int start, int end) {
    String tag = html.substring(start, end);
    return tag.regionMatches(true, 0, "<script", 0, 7) && containsIgnoreCase(tag, "ld+json");
  }

  private static boolean containsIgnoreCase(String s, String part) {
    for (int i = 0; i + part.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  /** Index just past the closing tag {@code close} (e.g. "</script") after {@code from}. */
  private static int closeOf(String html, int from, String close) {
    int i = from;
    int n = html.length();
    while (true) {
      int lt = html.indexOf("</", i);
      if (lt < 0) {
        return n;
      }
      if (html.regionMatches(true, lt, close, 0, close.length())) {
        int gt = html.indexOf('>', lt);
        return gt < 0 ? n : gt + 1;
      }
      i = lt + 2;
    }
  }
}
