package dev.pulse.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The description of a page that declares none: the article's first real paragraph, that is the
 * first one that reads as prose (long enough, ends a sentence, is not the headline again).
 */
final class Excerpt {

  private static final int MIN_CHARS = 60;

  /** Past this, the paragraph is cut at the last sentence end that fits, else at a word. */
  private static final int MAX_CHARS = 500;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？]['\"”’»)]?(?=\\s|$)");

  private Excerpt() {}

  /** Null when the text has no paragraph that qualifies. */
  static @Nullable String of(@Nullable String text, @Nullable String title) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (String paragraph : text.split("\n\n")) {
      String p = paragraph.replace('\n', ' ').strip();
      if (p.length() < MIN_CHARS
          || (title != null && p.equalsIgnoreCase(title))
          || !SENTENCE_END.matcher(p).find()) {
        continue;
      }
      return p.length() <= MAX_CHARS ? p : cut(p);
    }
    return null;
  }

  private static String cut(String p) {
    Matcher m = SENTENCE_END.matcher(p);
    int end = -1;
    while (m.find() && m.end() <= MAX_CHARS) {
      end = m.end();
    }
    if (end >= MIN_CHARS) {
      return p.substring(0, end);
    }
    int space = p.lastIndexOf(' ', MAX_CHARS - 1);
    return p.substring(0, space > MIN_CHARS ? space : MAX_CHARS) + "…";
  }
}
