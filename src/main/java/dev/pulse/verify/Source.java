package dev.pulse.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What an article supports: its words, figures, dates and names, indexed for look-up. */
final class Source {

  /** Short names and the long forms an article may use instead. */
  private static final Map<String, List<String>> ALIASES =
      Map.ofEntries(
          Map.entry("us", List.of("united states", "america", "usa")),
          Map.entry("usa", List.of("united states", "america", "us")),
          Map.entry("america", List.of("united states", "us", "usa")),
          Map.entry("american", List.of("united states", "us", "usa")),
          Map.entry("americans", List.of("united states", "us", "usa")),
          Map.entry("uk", List.of("united kingdom", "britain", "british")),
          Map.entry("britain", List.of("united kingdom", "uk", "british")),
          Map.entry("british", List.of("united kingdom", "uk", "britain")),
          Map.entry("briton", List.of("britain", "british", "uk")),
          Map.entry("britons", List.of("britain", "british", "uk")),
          Map.entry("gop", List.of("republican", "republicans")),
          Map.entry("utd", List.of("united")),
          Map.entry("isis", List.of("islamic state", "isil")),
          Map.entry("isil", List.of("islamic state", "isis")),
          Map.entry("un", List.of("united nations")),
          Map.entry("eu", List.of("european union")),
          // demonyms no shared stem gives (Nepal/Nepalese, Italy/Italian are derived)
          Map.entry("spanish", List.of("spain")),
          Map.entry("spaniard", List.of("spain")),
          Map.entry("spaniards", List.of("spain")),
          Map.entry("spain", List.of("spanish", "spaniard")),
          Map.entry("swiss", List.of("switzerland")),
          Map.entry("switzerland", List.of("swiss")),
          Map.entry("french", List.of("france")),
          Map.entry("france", List.of("french")),
          Map.entry("dutch", List.of("netherlands", "holland")),
          Map.entry("netherlands", List.of("dutch", "holland")),
          Map.entry("holland", List.of("dutch", "netherlands")),
          Map.entry("welsh", List.of("wales")),
          Map.entry("wales", List.of("welsh")),
          Map.entry("scot", List.of("scotland", "scottish", "scots")),
          Map.entry("scots", List.of("scotland", "scottish", "scot")),
          Map.entry("scottish", List.of("scotland", "scot", "scots")),
          Map.entry("scotland", List.of("scottish", "scot", "scots")),
          Map.entry("english", List.of("england")),
          Map.entry("england", List.of("english")),
          Map.entry("irish", List.of("ireland")),
          Map.entry("ireland", List.of("irish")),
          Map.entry("greek", List.of("greece")),
          Map.entry("greece", List.of("greek")),
          Map.entry("danish", List.of("denmark")),
          Map.entry("denmark", List.of("danish")),
          Map.entry("finnish", List.of("finland")),
          Map.entry("polish", List.of("poland")),
          Map.entry("poland", List.of("polish")),
          Map.entry("norwegian", List.of("norway")),
          Map.entry("filipino", List.of("philippines")),
          Map.entry("thai", List.of("thailand")),
          Map.entry("turkish", List.of("turkey")),
          Map.entry("portuguese", List.of("portugal")),
          Map.entry("portugal", List.of("portuguese")),
          Map.entry("argentine", List.of("argentina")),
          Map.entry("peruvian", List.of("peru")),
          Map.entry("belgian", List.of("belgium")),
          Map.entry("belgium", List.of("belgian")),
          Map.entry("saudi", List.of("saudi arabia")),
          Map.entry("arab", List.of("arabia", "arabic")));

  /** Endings of one stem: Nepal-ese, Ital-y/-ian, Swed-en/-ish, whistleblow-ers/-ing. */
  private static final Set<String> ENDINGS =
      Set.of(
          "", "s", "es", "e", "ed", "ing", "ings", "er", "ers", "y", "ies", "ese", "ian", "ians",
          "an", "ans", "ean", "eans", "ish", "i", "is", "n", "ns", "en", "ite", "ites", "a", "o");

  /** Endings that make another word of a bare stem, so never pair with none: Downing, down. */
  private static final Set<String> VERBAL = Set.of("ing", "ings", "ed", "er", "ers");

  private final boolean caseless;
  private final Set<String> words = new HashSet<>();
  private final Map<String, List<String>> byPrefix = new HashMap<>();
  private final Set<String> initials = new HashSet<>();
  private final List<Figures.Figure> figures;
  private final Map<String, List<Figures.Figure>> counted = new HashMap<>();
  private final Map<String, Set<String>> anchored = new HashMap<>();
  private final Set<Double> ages = new HashSet<>();
  private final Set<String> dates = new HashSet<>();
  private final List<Double> durations = new ArrayList<>();
  private final Set<Figures.Figure> years = new HashSet<>();
  private final String flat;
  private final Map<String, Set<String>> before = new HashMap<>();
  private final Map<String, Set<String>> after = new HashMap<>();
  private final Map<String, Set<String>> slots = new HashMap<>();

  Source(String text) {
    this.caseless = Words.isCaseless(text);
    List<Words.Word> ws = Words.of(text);
    for (Words.Word w : ws) {
      String k = w.key();
      words.add(k);
      words.add(k.replace(".", ""));
      if (k.length() >= 4) {
        byPrefix.computeIfAbsent(k.substring(0, 4), p -> new ArrayList<>()).add(k);
      }
      if (Dates.isDateWord(k)) {
        dates.add(k.endsWith("s") ? k.substring(0, k.length() - 1) : k);
      }
    }
    for (Dates.Mention m : Dates.find(text, ws, true)) {
      anchor(text, ws, m.start(), m.end(), Source.when(m));
      dates.add(m.key());
      int space = m.key().indexOf(' ');
      if (space > 0) {
        dates.add(m.key().substring(0, space));
      }
    }
    for (int i = 0; i + 1 < ws.size(); i++) {
      if (text.substring(ws.get(i).end(), ws.get(i + 1).start()).replace("-", " ").isBlank()) {
        after.computeIfAbsent(ws.get(i).key(), k -> new HashSet<>()).add(ws.get(i + 1).key());
        before.computeIfAbsent(ws.get(i + 1).key(), k -> new HashSet<>()).add(ws.get(i).key());
      }
    }
    for (int i = 0; i < ws.size(); i++) {
      for (String c : Slots.contexts(text, ws, i)) {
        slots.computeIfAbsent(c, k -> new HashSet<>()).add(ws.get(i).key());
      }
    }
    collectInitials(text, ws);
    this.figures = Figures.find(text, ws);
    Durations.single(ws, durations);
    for (Figures.Figure f : figures) {
      double span = Durations.of(text, ws, f);
      if (!Double.isNaN(span)) {
        durations.add(span);
      }
      if (isYear(text, f)) {
        years.add(f);
        anchor(text, ws, f.start(), f.end(), "year " + (long) f.value());
      }
      if (Counted.isAge(text, f)) {
        ages.add(f.value());
      }
      for (String noun : Counted.nouns(text, ws, f, false)) {
        counted.computeIfAbsent(noun, n -> new ArrayList<>()).add(f);
      }
    }
    this.flat = " " + String.join(" ", Quotes.tokens(text)) + " ";
  }

  boolean caseless() {
    return caseless;
  }

  boolean supports(Figures.Figure f) {
    return supports(f, true);
  }

  /**
   * @param bare whether the figure has no hedge: only then may it round the article's off
   */
  private boolean supports(Figures.Figure f, boolean bare) {
    for (Figures.Figure a : figures) {
      if (matches(a, f, bare && !years.contains(a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the article supports a figure that counts {@code nouns} ("two" in "two-year-old boy",
   * noun "year"): the figure must be in the article and, when the article counts the first noun
   * itself, the article must give this figure with one of the nouns. An article that never counts
   * the noun cannot tell.
   *
   * @param age whether the figure is someone's age ({@link Counted#isAge}): then, when the article
   *     gives ages, it must be one of them
   * @param nouns stems of the words after the figure (see {@link Counted}); empty when none
   * @param bare whether the figure is written without a hedge ("about"): only then may it round the
   *     article's figure off
   */
  boolean supports(Figures.Figure f, boolean age, List<String> nouns, boolean bare) {
    if (!supports(f, bare)) {
      return false;
    }
    if (age && !ages.isEmpty() && !ages.contains(f.value())) {
      return false;
    }
    if (nouns.isEmpty() || !counted.containsKey(nouns.get(0)) || f.sort() != Figures.Sort.EXACT) {
      return true;
    }
    for (String noun : nouns) {
      for (Figures.Figure a : counted.getOrDefault(noun, List.of())) {
        if (matches(a, f, bare)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a figure written with a hedge ("about", "more than", see {@link Hedges}) has an article
   * figure of its kind in the hedge's range.
   */
  boolean supportsWithin(Figures.Figure claim, Hedges.Range range) {
    double unit = precision(claim, 1);
    if (Double.isNaN(unit) || claim.sort() == Figures.Sort.FRACTION) {
      return false;
    }
    for (Figures.Figure a : figures) {
      double v = comparable(a, claim);
      if (!years.contains(a)
          && !Double.isNaN(v)
          && v != 0
          && range.contains(v)
          && isFiner(v, unit)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the article gives a span of time of {@code minutes} in any unit. */
  boolean supportsDuration(double minutes) {
    return durations.stream().anyMatch(d -> same(d, minutes));
  }

  /** An article figure's value in the terms of a claim's sort (50% as 0.5 for "half"), or NaN. */
  private static double comparable(Figures.Figure a, Figures.Figure claim) {
    if (a.sort() == claim.sort()) {
      return a.value();
    }
    if (a.sort() == Figures.Sort.PERCENT && claim.sort() == Figures.Sort.FRACTION) {
      return a.value() / 100;
    }
    if (a.sort() == Figures.Sort.FRACTION && claim.sort() == Figures.Sort.PERCENT) {
      return a.value() * 100;
    }
    return Double.NaN;
  }

  private static boolean matches(Figures.Figure a, Figures.Figure claim, boolean bare) {
    double[] mine =
        a.sort() == Figures.Sort.PERCENT
            ? new double[] {a.value(), a.value() / 100, a.unscaled()}
            : new double[] {a.value(), a.unscaled()};
    double[] wanted =
        claim.sort() == Figures.Sort.PERCENT
            ? new double[] {claim.value(), claim.value() / 100}
            : new double[] {claim.value()};
    boolean rounded = a.sort() == Figures.Sort.FRACTION || claim.sort() == Figures.Sort.FRACTION;
    if (roundsTo(a, claim) || bare && isRounding(a, claim)) {
      return true;
    }
    for (double v : mine) {
      for (double w : wanted) {
        if (rounded ? near(v, w) : same(v, w)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a whole-number claim is the article's figure rounded off by less than 1%: "$64" for
   * "$63.99" (but not "$4 million" for "$3.5 million").
   */
  private static boolean roundsTo(Figures.Figure a, Figures.Figure claim) {
    return claim.unscaled() == Math.rint(claim.unscaled())
        && a.unscaled() != Math.rint(a.unscaled())
        && a.sort() == claim.sort()
        && Math.abs(a.value() - claim.value()) < 0.01 * Math.abs(claim.value());
  }

  /** How close a rounded claim must be to the article's figure, relatively. */
  private static final double ROUNDING = 0.05;

  /**
   * Whether a round claim is the article's more precise figure rounded to the claim's last digit:
   * "1,800" for "1,789", "$3.5 million" for "$3.48 million", "2,000" for "1,950". Only a claim
   * ending in two or more zeros or written with decimals, within 5%: "40" is not "38".
   */
  private static boolean isRounding(Figures.Figure a, Figures.Figure claim) {
    double unit = precision(claim, 2);
    if (Double.isNaN(unit) || a.sort() != claim.sort()) {
      return false;
    }
    double diff = Math.abs(a.value() - claim.value());
    return isFiner(a.value(), unit)
        && diff <= unit / 2
        && diff <= ROUNDING * Math.abs(claim.value());
  }

  /** Whether {@code v} is not a whole number of {@code unit}s: 1,789 is finer than hundreds. */
  private static boolean isFiner(double v, double unit) {
    return Math.abs(v / unit - Math.rint(v / unit)) > 1e-6;
  }

  /**
   * The unit of a claim's last written digit (100 for "1,800", 100,000 for "3.5 million"), or NaN
   * when the claim is not written round (no decimals and fewer than {@code zeros} final zeros).
   */
  private static double precision(Figures.Figure claim, int minZeros) {
    if (claim.unscaled() == 0 || claim.value() == 0) {
      return Double.NaN;
    }
    double scale = claim.value() / claim.unscaled();
    String digits = claim.text().replaceAll("[^0-9.]", "");
    int dot = digits.indexOf('.');
    if (dot >= 0 && dot < digits.length() - 1) {
      return Math.pow(10, -(digits.length() - dot - 1)) * scale;
    }
    if (digits.isEmpty()) {
      return Double.NaN;
    }
    int zeros = 0;
    for (int i = digits.length() - 1; i > 0 && digits.charAt(i) == '0'; i--) {
      zeros++;
    }
    return zeros >= minZeros ? Math.pow(10, zeros) * scale : Double.NaN;
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  }

  private static boolean near(double a, double b) {
    return Math.abs(a - b) <= 0.02 * Math.abs(b);
  }

  boolean supports(Dates.Mention d) {
    return dates.contains(d.key());
  }

  /**
   * Whether the article ties the words around a date or year of generated text ({@code anchors},
   * see {@link Anchors}) to other dates of its kind only: "arrested on Tuesday" against an article
   * saying "arrested on Thursday". An article that ties no date of that kind to them cannot tell.
   *
   * @param when what {@link #when(Dates.Mention)} makes of a date, or "year 2015"
   */
  boolean contradicts(String when, List<String> anchors) {
    String kind = when.substring(0, when.indexOf(' ') + 1);
    boolean other = false;
    for (String a : anchors) {
      Set<String> known = anchored.getOrDefault(a, Set.of());
      if (known.contains(when)) {
        return false;
      }
      other |= known.stream().anyMatch(k -> k.startsWith(kind));
    }
    return other;
  }

  /** A date as {@link #contradicts} compares it: "weekday friday", "month march". */
  static String when(Dates.Mention m) {
    String key = m.key();
    int space = key.indexOf(' ');
    String name = space < 0 ? key : key.substring(0, space);
    return (Dates.WEEKDAYS.contains(name) ? "weekday " : "month ") + name;
  }

  /** A four-digit year from 1800 to 2099 written as such (not "2,010", "$2010" or the 1970s). */
  static boolean isYear(String text, Figures.Figure f) {
    return f.text().matches("(18|19|20)\\d\\d")
        && (f.end() >= text.length() || !Character.isLetterOrDigit(text.charAt(f.end())));
  }

  private void anchor(String text, List<Words.Word> ws, int start, int end, String when) {
    for (String a : Anchors.around(text, ws, start, end, 2)) {
      anchored.computeIfAbsent(a, k -> new HashSet<>()).add(when);
    }
  }

  boolean supportsQuote(String quote) {
    for (String part : quote.split("\\.\\.\\.|\u2026|\\[[^\\]]*\\]")) {
      List<String> tokens = Quotes.tokens(part);
      if (!tokens.isEmpty() && !flat.contains(" " + String.join(" ", tokens) + " ")) {
        return false;
      }
    }
    return true;
  }

  boolean supports(Names.Name name) {
    List<String> parts = name.parts();
    if (name.acronym() && initials.contains(parts.get(0))) {
      return true;
    }
    for (String p : parts) {
      if (!found(p)) {
        return false;
      }
    }
    return true;
  }

  /** The words the article writes right before ({@code left}) or after a word, by key. */
  Set<String> beside(String key, boolean left) {
    return (left ? before : after).getOrDefault(key, Set.of());
  }

  /** The words the article writes in a context of {@link Slots#contexts} ("trial in _ over"). */
  Set<String> inSlot(String context) {
    return slots.getOrDefault(context, Set.of());
  }

  /** Whether the article uses a word in any form a name's word may take (see {@link #found}). */
  boolean knows(String key) {
    return found(key);
  }

  /**
   * One word of a name: itself, its singular or plural, an alias, a derived form (Nepal, Nepalese),
   * a spelling variant (Guildford, Guidlford) or two article words written as one (cellphone).
   */
  private boolean found(String p) {
    if (words.contains(p)
        || words.contains(p + "s")
        || p.endsWith("s") && words.contains(p.substring(0, p.length() - 1))
        || p.endsWith("ies") && words.contains(p.substring(0, p.length() - 3) + "y")) {
      return true;
    }
    for (String alias : ALIASES.getOrDefault(p, List.of())) {
      if (alias.indexOf(' ') < 0 ? words.contains(alias) : flat.contains(" " + alias + " ")) {
        return true;
      }
    }
    if (p.length() >= 4) {
      for (String w : byPrefix.getOrDefault(p.substring(0, 4), List.of())) {
        if (derived(w, p)) {
          return true;
        }
      }
    }
    return p.length() >= 5 && (compound(p) || Spelling.hasVariant(p, words::contains));
  }

  /**
   * Whether two words are one stem with different endings, as a demonym is of its country or a noun
   * of its verb: Nepal, Nepalese; Italy, Italian; Sweden, Swedish; whistleblowers, whistleblowing.
   * The stem keeps at least four letters; the endings come from a short list, and "-ing", "-ed" or
   * "-er" on one side needs an ending on the other (Downing is not down).
   */
  private static boolean derived(String a, String b) {
    int common = commonPrefix(a, b);
    if (common < 4 || a.equals(b)) {
      return false;
    }
    String x = a.substring(common);
    String y = b.substring(common);
    boolean verbal = VERBAL.contains(x) && y.isEmpty() || VERBAL.contains(y) && x.isEmpty();
    return ENDINGS.contains(x) && ENDINGS.contains(y) && !verbal;
  }

  /** A word made of two words of the article: "cellphone", "onboard", "whistleblowers". */
  private boolean compound(String p) {
    for (int i = 2; i <= p.length() - 2; i++) {
      String tail = p.substring(i);
      if (words.contains(p.substring(0, i))
          && (words.contains(tail)
              || tail.length() > 3
                  && tail.endsWith("s")
                  && words.contains(tail.substring(0, tail.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /**
   * Initials of runs of capitalised words: "North Atlantic Treaty Organization" gives "nato". In
   * text without capitals, of runs of words within a sentence: "paris saint-germain" gives "psg".
   */
  private void collectInitials(String text, List<Words.Word> ws) {
    StringBuilder run = new StringBuilder();
    StringBuilder withConnectors = new StringBuilder();
    for (int i = 0; i <= ws.size(); i++) {
      Words.Word w = i < ws.size() ? ws.get(i) : null;
      boolean joined =
          w != null
              && i > 0
              && text.substring(ws.get(i - 1).end(), w.start()).replace("-", " ").isBlank();
      if (w == null || !joined) {
        addInitials(run, withConnectors);
      }
      if (w == null) {
        break;
      }
      String lower = w.lower();
      boolean connector = lower.equals("of") || lower.equals("for") || lower.equals("and");
      if (connector) {
        withConnectors.append(lower.charAt(0));
      } else if ((caseless || w.capitalised()) && Character.isLetter(lower.charAt(0))) {
        run.append(lower.charAt(0));
        withConnectors.append(lower.charAt(0));
      } else {
        addInitials(run, withConnectors);
      }
    }
  }

  /** Adds the initials of the runs (Bank of England: "be" and "boe") and empties them. */
  private void addInitials(StringBuilder run, StringBuilder withConnectors) {
    addInitials(run);
    addInitials(withConnectors);
    run.setLength(0);
    withConnectors.setLength(0);
  }

  private void addInitials(StringBuilder run) {
    String s = run.toString().toLowerCase(Locale.ROOT);
    for (int from = 0; from < s.length(); from++) {
      for (int to = from + 2; to <= Math.min(s.length(), from + 6); to++) {
        initials.add(s.substring(from, to));
      }
    }
  }
}
