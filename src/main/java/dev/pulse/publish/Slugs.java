package dev.pulse.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File-name-safe slugs, unique within one namespace. Names are assigned in the order given, so
 * callers pass names in a stable order (sorted) to keep URLs stable across renders.
 */
final class Slugs {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private final Map<String, String> byName = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** The slug for a name, assigning one on first use. */
  String of(String name) {
    return byName.computeIfAbsent(name, this::assign);
  }

  private String assign(String name) {
    String base = slug(name);
    if (base.isEmpty()) {
      base = "t-" + sha256(name).substring(0, 10);
    }
    String s = base;
    if (!taken.add(s)) {
      s = base + "-" + sha256(name).substring(0, 6);
      taken.add(s);
    }
    return s;
  }

  /** Lower-case ASCII letters and digits joined by single dashes, at most 60 characters. */
  static String slug(String name) {
    String n = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String s = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s;
  }

  /**
   * An entry page's file name stem: the id when it is 64 hex digits, else the SHA-256 of the id.
   */
  static String entryStem(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    return HEX64.matcher(lower).matches() ? lower : sha256(id);
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
