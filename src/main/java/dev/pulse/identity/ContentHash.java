package dev.pulse.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The exact-duplicate fingerprint of an article body: SHA-256 (hex) of the text after Unicode NFKC,
 * lower-casing and collapsing whitespace, so the same article served under two URLs (or with
 * different line wrapping) hashes the same.
 */
public final class ContentHash {

  private ContentHash() {}

  public static String of(String text) {
    return EntryId.sha256Hex(normalize(text));
  }

  static String normalize(String text) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    return t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
