package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In text without capitals, a name written beside a word the article never uses, where the article
 * gives that name another name as its neighbour: "center mccartney" or "paul center" against an
 * article that says "paul mccartney". The dictionary cannot tell "center" or "china" from a common
 * word, but the article shows which slot it fills. A name beside a word the article lacks and never
 * beside another name ("singer madonna", "kenton lee dreamt") is left alone.
 */
final class Neighbours {

  /** Verbs that put a name after them, in the forms without a verb ending. */
  private static final Set<String> REPORTING =
      Set.of(
          ("say says said tell tells told ask asks admit admits claim claims confirm confirms "
                  + "deny denies insist insists reveal reveals warn warns thank thanks praise "
                  + "praises blame blames accuse accuses urge urges join joins meet meets beat "
                  + "beats face faces sign signs sack sacks back backs hit hits slam slams")
              .split(" "));

  private Neighbours() {}

  /** The pairs of {@code words} ("center mccartney") the article contradicts, as written. */
  static List<String> swapped(String text, List<Words.Word> words, Source source, Lexicon lexicon) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      Words.Word a = words.get(i);
      Words.Word b = words.get(i + 1);
      String gap = text.substring(a.end(), b.start());
      if (gap.isEmpty() || gap.length() > 2 || !gap.replace("-", " ").isBlank()) {
        continue;
      }
      boolean possessive = !a.key().equals(a.lower());
      if (!possessive && isSwap(a.key(), b.key(), false, source, lexicon)
          || isSwap(b.key(), a.key(), true, source, lexicon)) {
        out.add(text.substring(a.start(), b.end()));
      }
    }
    return out;
  }

  /**
   * Whether a run of lower-cased words taken for a name is supported once the words at its ends
   * that the article lacks are set aside ("singer madonna", "kenton lee dreamt", "young british"):
   * only where the article never writes another name in that place, so "center mccartney" against
   * "paul mccartney" stays unsupported.
   */
  static boolean supportsCore(Names.Name name, Source source, Lexicon lexicon) {
    List<String> parts = name.parts();
    int from = 0;
    int to = parts.size();
    while (from < to - 1
        && isPlainWord(parts.get(from), lexicon)
        && !source.knows(parts.get(from))
        && !hasNamedNeighbour(parts.get(from + 1), true, source, lexicon)) {
      from++;
    }
    while (to - 1 > from
        && isPlainWord(parts.get(to - 1), lexicon)
        && !source.knows(parts.get(to - 1))
        && !hasNamedNeighbour(parts.get(to - 2), false, source, lexicon)) {
      to--;
    }
    if (from == 0 && to == parts.size()) {
      return false;
    }
    return source.supports(new Names.Name(name.text(), parts.subList(from, to), false));
  }

  /** A common word that is not mostly a name: "singer", "young", not "japan" or "mourinho". */
  private static boolean isPlainWord(String key, Lexicon lexicon) {
    return lexicon.isCommon(key) && !lexicon.isMostlyName(key);
  }

  private static boolean hasNamedNeighbour(
      String name, boolean left, Source source, Lexicon lexicon) {
    return source.beside(name, left).stream()
        .anyMatch(w -> isContent(w) && Names.isNameWord(w, lexicon));
  }

  /**
   * Whether {@code other}, written on one side of the name word {@code name} ({@code left}: before
   * it), takes the place of a name the article writes on that side.
   */
  private static boolean isSwap(
      String name, String other, boolean left, Source source, Lexicon lexicon) {
    if (!Names.isNameWord(name, lexicon)
        || !source.knows(name)
        || !isContent(other)
        || !(Names.isNameWord(other, lexicon) || left && isNounLike(other))
        || source.knows(other)
        || Inflections.bases(other).stream().anyMatch(source::knows)) {
      return false;
    }
    return source.beside(name, left).stream()
        .anyMatch(w -> isContent(w) && Names.isNameWord(w, lexicon));
  }

  /**
   * Whether a word before a name may be a name taken for a common word ("center", "falcon"), not a
   * verb introducing the name ("admits", "told", "approached"): no verb ending, not a reporting
   * verb.
   */
  private static boolean isNounLike(String key) {
    return !key.endsWith("ed")
        && !key.endsWith("ing")
        && !key.endsWith("ly")
        && !REPORTING.contains(key);
  }

  private static boolean isContent(String key) {
    return key.length() >= 3
        && key.chars().allMatch(Character::isLetter)
        && Counted.stem(new Words.Word(key, key, 0, key.length(), false)) != null
        && !Dates.isDateWord(key)
        && !Words.TITLES.contains(key);
  }
}
