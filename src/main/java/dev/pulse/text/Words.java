package dev.pulse.text;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Words of titles and short texts as pages and similarity see them: lower-case runs of letters and
 * digits; the stop list is the English function words of {@link Stopwords}, the one list.
 */
public final class Words {

  private Words() {}

  /** Lower-case words (letters and digits); may contain empty strings. */
  public static String[] split(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return new String[0];
    }
    return text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
  }

  /** Too common or too short to carry meaning. */
  public static boolean isStopWord(String word) {
    return word.length() < 3 || WordTokens.STOPWORDS.contains(word);
  }
}
