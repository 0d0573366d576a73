package dev.pulse.text;

import java.util.Locale;
import java.util.Set;

/**
 * Words of titles and short texts as pages and similarity see them: lower-case runs of letters and
 * digits, with a small English stop list for labels and hashed word vectors.
 */
public final class Words {

  private static final Set<String> STOP =
      Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by",
          "from", "is", "are", "was", "were", "be", "been", "it", "its", "as", "that", "this",
          "has", "have", "had", "will", "not", "but", "after", "new", "says", "said", "over",
          "into", "than", "more", "about", "up", "out", "their", "they", "we", "our", "you", "how",
          "what", "why", "who", "can", "could", "would", "should", "may", "amid", "also");

  private Words() {}

  /** Lower-case words (letters and digits); may contain empty strings. */
  public static String[] split(String text) {
    if (text == null || text.isEmpty()) {
      return new String[0];
    }
    return text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
  }

  /** Too common or too short to carry meaning. */
  public static boolean isStopWord(String word) {
    return word.length() < 3 || STOP.contains(word);
  }
}
