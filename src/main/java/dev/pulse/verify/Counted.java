package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a figure counts: the noun right after it ("30 years", "a two-year-old"), as a stem so that
 * "year" and "years" are one. In an article the noun may come a word or two later ("30 long
 * years").
 */
final class Counted {

  /** Words after a figure that are not what it counts. */
  private static final Set<String> NOT_NOUNS =
      Set.of(
          ("of and or but nor so yet to in on at by for from with into onto over under about "
                  + "around across after before since until during while when where because if than "
                  + "the a an this that these those which who whom whose it its he she they we you "
                  + "him her his their them our my your was were are is be been being had have has "
                  + "do did does will would can could may might must shall should not no all each "
                  + "every both some any more most less least other others another such own same as "
                  + "per percent cent times out up down off then now also only just even still ago "
                  + "old later earlier people s st nd rd th am pm further extra straight "
                  + "consecutive successive previous new additional separate different")
              .split(" "));

  /** Words between a figure and what it counts: "eleven of the teens", "six straight games". */
  private static final Set<String> BEFORE_NOUNS =
      Set.of(
          ("of the other more his her their its our my your further "
                  + "extra straight consecutive successive previous new additional separate different")
              .split(" "));

  private static final Pattern AGE_AFTER = Pattern.compile("[- ]?years?[- ]old\\b");
  private static final Pattern AGE_BEFORE = Pattern.compile("(?<![\\p{L}])aged? $");
  private static final Pattern PERIOD = Pattern.compile("[- ]?(months?|weeks?|days?)\\b");

  /** How many words after an article's figure may hold its noun. */
  private static final int REACH = 3;

  private Counted() {}

  /**
   * Stems of the words after a figure that may be what it counts ("eleven other teens": "teen"; "48
   * premier league goals": "premie", "league", "goal"). Generated text's figure counts nothing when
   * a word such as "when" follows it. Not plain counts, so empty: amounts ("$6 million home"),
   * decimals, scores ("0-0 draw") and ages (see {@link #isAge}).
   *
   * @param claim whether {@code text} is the generated text rather than the article
   */
  static List<String> nouns(String text, List<Words.Word> words, Figures.Figure f, boolean claim) {
    int i = after(words, f);
    if (i < 0
        || !f.text().chars().allMatch(Character::isLetterOrDigit)
        || f.value() != Math.rint(f.value())
        || f.value() >= 1000
        || isScore(text, f)
        || isAge(text, f)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(REACH);
    int from = f.end();
    for (int k = 0; i < words.size() && k < REACH; k++, i++) {
      Words.Word w = words.get(i);
      if (!joined(text, from, w)) {
        break;
      }
      String s = stem(w);
      if (s != null) {
        out.add(s);
      } else if (claim && out.isEmpty() && !BEFORE_NOUNS.contains(w.key())) {
        break;
      }
      from = w.end();
    }
    return out;
  }

  /**
   * Whether a figure is an age: "a 20-year-old", "20 years old", "aged 20", "Smith, 20," and "Smith
   * (20)".
   */
  static boolean isAge(String text, Figures.Figure f) {
    String after = text.substring(f.end(), Math.min(text.length(), f.end() + 12));
    String before = text.substring(Math.max(0, f.start() - 6), f.start());
    if (PERIOD.matcher(after).lookingAt()) {
      return false;
    }
    return AGE_AFTER.matcher(after).lookingAt()
        || AGE_BEFORE.matcher(before).find()
        || f.value() > 0
            && f.value() < 120
            && (before.endsWith(", ") && (after.startsWith(",") || after.startsWith(". "))
                || before.endsWith("(") && after.startsWith(")"));
  }

  private static boolean isScore(String text, Figures.Figure f) {
    boolean before =
        f.start() >= 2
            && text.charAt(f.start() - 1) == '-'
            && Character.isDigit(text.charAt(f.start() - 2));
    boolean after =
        f.end() + 1 < text.length()
            && text.charAt(f.end()) == '-'
            && Character.isDigit(text.charAt(f.end() + 1));
    return before || after;
  }

  private static int after(List<Words.Word> words, Figures.Figure f) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).start() >= f.end()) {
        return i;
      }
    }
    return -1;
  }

  /** Whether nothing but spaces and hyphens lies between {@code from} and word {@code w}. */
  private static boolean joined(String text, int from, Words.Word w) {
    String gap = text.substring(from, w.start());
    return gap.length() <= 3 && gap.replace("-", "").isBlank();
  }

  /** A content word's stem (singular, at most six letters), or null for a function word. */
  static @Nullable String stem(Words.Word w) {
    String k = w.key();
    if (k.length() < 3 || !k.chars().allMatch(Character::isLetter) || NOT_NOUNS.contains(k)) {
      return null;
    }
    if (k.endsWith("ies") && k.length() > 4) {
      k = k.substring(0, k.length() - 3) + "y";
    } else if (k.matches(".*(ch|sh|x|ss)es") && k.length() > 4) {
      k = k.substring(0, k.length() - 2);
    } else if (k.endsWith("s") && !k.endsWith("ss") && k.length() > 3) {
      k = k.substring(0, k.length() - 1);
    }
    return k.length() > 6 ? k.substring(0, 6) : k;
  }
}
