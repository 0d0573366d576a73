package dev.pulse.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: entry ids (of canonical URLs) and content hashes (of title and text). */
public final class Hashes {

  private Hashes() {}

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The hash that decides whether an article changed: title and body, whitespace folded. */
  public static String content(String title, String text) {
    String t = (title == null ? "" : title) + "\n\n" + (text == null ? "" : text);
    return sha256(t.replaceAll("\\s+", " ").strip());
  }
}
