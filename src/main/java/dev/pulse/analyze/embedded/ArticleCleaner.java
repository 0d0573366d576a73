package dev.pulse.analyze.embedded;

import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.jspecify.annotations.Nullable;

/**
 * Repairs what feeds and scrapers commonly leave in text: HTML entities, entities whose ampersand
 * was lost ("#39;", "quot;"), stray tags and runs of spaces. Keeps paragraph breaks.
 */
final class ArticleCleaner {

  private static final Pattern BROKEN_NUMERIC = Pattern.compile("(?<![&\\w])#(\\d{2,4});");
  private static final Pattern BROKEN_NAMED =
      Pattern.compile("(?<![&\\w])(quot|amp|lt|gt|nbsp|apos);");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]{0,200}>");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00a0]+");

  private ArticleCleaner() {}

  static @Nullable String clean(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String t = BROKEN_NUMERIC.matcher(text).replaceAll("&#$1;");
    t = BROKEN_NAMED.matcher(t).replaceAll("&$1;");
    if (t.indexOf('&') >= 0) {
      t = StringEscapeUtils.unescapeHtml4(t);
    }
    if (t.indexOf('<') >= 0) {
      t = TAG.matcher(t).replaceAll(" ");
    }
    return SPACES.matcher(t).replaceAll(" ").strip();
  }
}
