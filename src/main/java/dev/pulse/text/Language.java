package dev.pulse.text;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The language an analyzer reads an article in: an ISO 639 code such as {@code en} or {@code de},
 * or {@link #UNDETERMINED} when neither the page nor the text tells.
 *
 * <p>The text's function words decide among the languages of {@link Stopwords} when they make a
 * real share of it, so a page whose template declares {@code en} over a German article counts as
 * German. A declared language outside those six is taken as declared (a Dutch article shares enough
 * little words with German to be mistaken for it). With no declaration and no clear evidence: a
 * short text counts as English, as it always has; a longer one, or one mostly in a non-Latin
 * script, is undetermined rather than guessed.
 */
public final class Language {

  /** The BCP 47 code for a language that could not be determined. */
  public static final String UNDETERMINED = "und";

  /** Below this many words, a text without clear evidence counts as English. */
  static final int MIN_TOKENS_TO_TELL = 20;

  /** Enough text to tell a language by its function words; the rest adds nothing. */
  private static final int MAX_CHARS_READ = 4_000;

  private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

  private Language() {}

  /**
   * @param declared the page's BCP 47 language tag, or null
   * @param title the headline, or null
   * @param text the body text
   * @return a lower-case ISO 639 code, or {@link #UNDETERMINED}
   */
  public static String of(@Nullable String declared, @Nullable String title, String text) {
    String sample = (title == null ? "" : title + "\n") + text;
    if (sample.length() > MAX_CHARS_READ) {
      sample = sample.substring(0, MAX_CHARS_READ);
    }
    String primary = primary(declared);
    if (primary != null && !Stopwords.languages().contains(primary)) {
      return primary;
    }
    Stopwords.Guess guess = Stopwords.guess(sample);
    if (guess.language() != null) {
      return guess.language();
    }
    if (primary != null) {
      return primary;
    }
    if (mostlyNonLatin(sample) || guess.tokens() >= MIN_TOKENS_TO_TELL) {
      return UNDETERMINED;
    }
    return Stopwords.ENGLISH;
  }

  /** The primary language subtag of a BCP 47 tag ("de" of "de-AT"), or null when it names none. */
  static @Nullable String primary(@Nullable String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String p = tag.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return PRIMARY.matcher(p).matches() && !p.equals(UNDETERMINED) ? p : null;
  }

  private static boolean mostlyNonLatin(String text) {
    int latin = 0;
    int other = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        } else {
          other++;
        }
      }
    }
    return other > latin;
  }
}
