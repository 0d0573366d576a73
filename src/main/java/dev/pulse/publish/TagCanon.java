package dev.pulse.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One subject, one topic across the site: maps each tag's key to the key of the topic it is shown
 * under. Keys are lower case with single spaces, so case never splits a topic. Beyond case:
 *
 * <ul>
 *   <li>a plural and its singular ("chips", "chip"; "clinics", "clinic") are one topic, named by
 *       the form more entries use (the shorter one on a tie);
 *   <li>a one-word name that begins exactly one longer name on the site ("Halvorsen" and "Halvorsen
 *       Microsystems") is that longer name: the short form is how articles refer back to it.
 * </ul>
 *
 * Pure; built once per render.
 */
final class TagCanon {

  private final Map<String, String> canonical = new HashMap<>();

  /**
   * @param counts tag key → number of entries carrying it
   * @param names tag key → display spelling
   */
  TagCanon(Map<String, Integer> counts, Map<String, String> names) {
    Map<String, String> step = new LinkedHashMap<>();
    for (String key : counts.keySet()) {
      step.put(key, singularTwin(key, counts));
    }
    Map<String, Integer> merged = new HashMap<>();
    step.forEach((k, v) -> merged.merge(v, counts.get(k), Integer::sum));
    for (String key : merged.keySet()) {
      String longer = longerName(key, merged.keySet(), names);
      canonical.put(key, longer == null ? key : longer);
    }
    step.forEach((k, v) -> canonical.put(k, canonical.getOrDefault(v, v)));
  }

  /** The key of the topic this tag key is shown under (the key itself when nothing merges it). */
  String of(String key) {
    return canonical.getOrDefault(key, key);
  }

  /** A tag key: display text in lower case, whitespace collapsed. */
  static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The other number's key when it is on the site and wins by entries (then by length). */
  private static String singularTwin(String key, Map<String, Integer> counts) {
    for (String other : otherNumber(key)) {
      if (!other.equals(key) && counts.containsKey(other)) {
        int a = counts.get(key);
        int b = counts.get(other);
        return b > a || (b == a && other.length() < key.length()) ? other : key;
      }
    }
    return key;
  }

  private static List<String> otherNumber(String key) {
    List<String> out = new ArrayList<>();
    if (key.length() < 4) {
      return out;
    }
    if (key.endsWith("ies")) {
      out.add(key.substring(0, key.length() - 3) + "y");
    }
    if (key.endsWith("es")) {
      out.add(key.substring(0, key.length() - 2));
    }
    if (key.endsWith("s") && !key.endsWith("ss")) {
      out.add(key.substring(0, key.length() - 1));
    }
    if (key.endsWith("y")) {
      out.add(key.substring(0, key.length() - 1) + "ies");
    }
    out.add(key + "s");
    out.add(key + "es");
    return out;
  }

  /** The one longer capitalised name a capitalised one-word name begins, or null. */
  private static @Nullable String longerName(
      String key, Iterable<String> keys, Map<String, String> names) {
    if (key.contains(" ") || !capitalised(names.get(key))) {
      return null;
    }
    String found = null;
    for (String other : keys) {
      if (other.startsWith(key + " ") && capitalised(names.get(other))) {
        if (found != null) {
          return null;
        }
        found = other;
      }
    }
    return found;
  }

  private static boolean capitalised(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (String w : name.split(" ")) {
      if (!w.isEmpty() && w.length() > 3 && !Character.isUpperCase(w.charAt(0))) {
        return false;
      }
    }
    return Character.isUpperCase(name.charAt(0));
  }
}
