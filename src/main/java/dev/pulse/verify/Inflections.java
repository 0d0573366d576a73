package dev.pulse.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Candidate base forms and American spellings of an English word, for dictionary look-ups. */
final class Inflections {

  /** Endings after which a plural or a verb takes "-es": taxes, churches, heroes (not "james"). */
  private static final Pattern SIBILANT = Pattern.compile("(s|x|z|ch|sh|o)$");

  private Inflections() {}

  /** Possible base forms: "stampeded" → "stampede", "taxes" → "tax", "running" → "run". */
  static List<String> bases(String w) {
    List<String> out = new ArrayList<>(6);
    int n = w.length();
    if (n == 3 && w.matches("[^aeiou]{2}s")) {
      out.add(w.substring(0, 2)); // units: "kms", "hrs" (not "los", "las")
    }
    if (n > 3 && w.endsWith("s")) {
      out.add(w.substring(0, n - 1));
      if (w.endsWith("es") && SIBILANT.matcher(w.substring(0, n - 2)).find()) {
        out.add(w.substring(0, n - 2));
      }
      if (w.endsWith("ies")) {
        out.add(w.substring(0, n - 3) + "y");
      }
    }
    for (String suffix : new String[] {"ed", "ing", "er", "est", "ers"}) {
      if (n > suffix.length() + 2 && w.endsWith(suffix)) {
        String stem = w.substring(0, n - suffix.length());
        out.add(stem);
        out.add(stem + "e");
        if (stem.endsWith("i")) {
          out.add(stem.substring(0, stem.length() - 1) + "y");
        }
        int m = stem.length();
        if (m > 2 && stem.charAt(m - 1) == stem.charAt(m - 2)) {
          out.add(stem.substring(0, m - 1));
        }
      }
    }
    if (n > 4 && w.endsWith("ly")) {
      out.add(w.substring(0, n - 2));
    }
    return out;
  }

  /** "centre" → "center", "behaviour" → "behavior", "organise(d)" → "organize(d)", "travelled". */
  static List<String> americanSpellings(String w) {
    List<String> out = new ArrayList<>(3);
    if (w.contains("our")) {
      out.add(w.replace("our", "or"));
    }
    if (w.startsWith("tyre")) {
      out.add("tire" + w.substring(4));
    }
    if (w.endsWith("re") && w.length() > 4) {
      out.add(w.substring(0, w.length() - 2) + "er");
    }
    if (w.contains("is")) {
      String z = w.replaceAll("is(e|ed|es|ing|ation|ations)$", "iz$1");
      if (!z.equals(w)) {
        out.add(z);
      }
    }
    if (w.contains("ys")) {
      String z = w.replaceAll("ys(e|ed|es|ing)$", "yz$1");
      if (!z.equals(w)) {
        out.add(z);
      }
    }
    if (w.contains("ll")) {
      String l = w.replaceAll("ll(ed|ing|er|ers)$", "l$1");
      if (!l.equals(w)) {
        out.add(l);
      }
    }
    return out;
  }
}
