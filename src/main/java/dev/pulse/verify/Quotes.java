package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quotations in double quotes, and the plain tokens quotations are compared by. */
final class Quotes {

  private static final Pattern QUOTED =
      Pattern.compile(
          "[\"\u201c\u201d\u201e]([^\"\u201c\u201d\u201e\\n]{1,400}?)[\"\u201c\u201d\u201e]");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

  private Quotes() {}

  /** The quoted passages of a text, without their quote marks. */
  static List<String> find(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      if (!tokens(m.group(1)).isEmpty()) {
        out.add(m.group(1).strip());
      }
    }
    return out;
  }

  /** Lower-case letters-and-digits tokens, accents and apostrophes dropped ("don't" is "dont"). */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m =
        TOKEN.matcher(
            Words.fold(text.toLowerCase(Locale.ROOT)).replace("'", "").replace("\u2019", ""));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
