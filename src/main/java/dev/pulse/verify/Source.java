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
          Map.entry("un", List.of("united nations")),
          Map.entry("eu", List.of("european union")));

  private final boolean caseless;
  private final Set<String> words = new HashSet<>();
  private final Map<String, List<String>> byPrefix = new HashMap<>();
  private final Set<String> initials = new HashSet<>();
  private final List<Figures.Figure> figures;
  private final Set<String> dates = new HashSet<>();
  private final String flat;

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
      dates.add(m.key());
      int space = m.key().indexOf(' ');
      if (space > 0) {
        dates.add(m.key().substring(0, space));
      }
    }
    collectInitials(text, ws);
    this.figures = Figures.find(text, ws);
    this.flat = " " + String.join(" ", Quotes.tokens(text)) + " ";
  }

  boolean caseless() {
    return caseless;
  }

  boolean supports(Figures.Figure f) {
    for (Figures.Figure a : figures) {
      if (matches(a, f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Figures.Figure a, Figures.Figure claim) {
    double[] mine = a.sort() == Figures.Sort.PERCENT
        ? new double[] {a.value(), a.value() / 100, a.unscaled()}
        : new double[] {a.value(), a.unscaled()};
    double[] wanted = claim.sort() == Figures.Sort.PERCENT
        ? new double[] {claim.value(), claim.value() / 100}
        : new double[] {claim.value()};
    boolean rounded = a.sort() == Figures.Sort.FRACTION || claim.sort() == Figures.Sort.FRACTION;
    for (double v : mine) {
      for (double w : wanted) {
        if (rounded ? near(v, w) : same(v, w)) {
          return true;
        }
      }
    }
    return false;
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

  /** One word of a name: itself, its singular or plural, an alias, or a shared stem (Nepal, Nepalese). */
  private boolean found(String p) {
    if (words.contains(p) || words.contains(p + "s") || p.endsWith("s") && words.contains(p.substring(0, p.length() - 1))
        || p.endsWith("ies") && words.contains(p.substring(0, p.length() - 3) + "y")) {
      return true;
    }
    for (String alias : ALIASES.getOrDefault(p, List.of())) {
      if (alias.indexOf(' ') < 0 ? words.contains(alias) : flat.contains(" " + alias + " ")) {
        return true;
      }
    }
    if (p.length() >= 5) {
      for (String w : byPrefix.getOrDefault(p.substring(0, 4), List.of())) {
        int shorter = Math.min(w.length(), p.length());
        if (shorter >= 5 && commonPrefix(w, p) >= Math.max(4, shorter - 3)) {
          return true;
        }
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

  /** Initials of runs of capitalised words: "North Atlantic Treaty Organization" gives "nato". */
  private void collectInitials(String text, List<Words.Word> ws) {
    StringBuilder run = new StringBuilder();
    for (int i = 0; i <= ws.size(); i++) {
      Words.Word w = i < ws.size() ? ws.get(i) : null;
      boolean joined = w != null && i > 0 && text.substring(ws.get(i - 1).end(), w.start()).isBlank();
      if (w == null || !joined) {
        addInitials(run);
        run.setLength(0);
      }
      if (w != null && w.capitalised()) {
        run.append(w.lower().charAt(0));
      } else if (w != null && !w.lower().equals("of") && !w.lower().equals("for") && !w.lower().equals("and")) {
        addInitials(run);
        run.setLength(0);
      }
    }
  }

  private void addInitials(StringBuilder run) {
    String s = run.toString().toLowerCase(Locale.ROOT);
    for (int from = 0; from < s.length(); from++) {
      for (int to = from + 2; to <= s.length(); to++) {
        initials.add(s.substring(from, to));
      }
    }
  }
}
