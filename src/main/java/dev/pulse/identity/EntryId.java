package dev.pulse.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** An entry's id: the SHA-256 of its canonical URL, as 64 lower-case hex digits. */
public final class EntryId {

  private EntryId() {}

  /**
   * @param canonicalUrl a URL already passed through {@link UrlCanonicalizer#canonicalize}
   */
  public static String of(String canonicalUrl) {
    return sha256Hex(canonicalUrl);
  }

  /**
   * The content hash that decides whether an article changed: SHA-256 of title and body with
   * whitespace folded, so re-indented markup does not count as a change.
   */
  public static String contentHash(@Nullable String title, @Nullable String text) {
    String t = (title == null ? "" : title) + "\n\n" + (text == null ? "" : text);
    return sha256Hex(t.replaceAll("\\s+", " ").strip());
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
