package dev.pulse.fetch;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A Content-Type header split into its media type and charset parameter. */
record MediaType(@Nullable String type, @Nullable String charset) {

  /** Parses {@code text/html; charset="UTF-8"}; null or blank gives a type and charset of null. */
  static MediaType parse(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return new MediaType(null, null);
    }
    String[] parts = header.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    String charset = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
        charset = p.substring(eq + 1).strip().replace("\"", "").replace("'", "");
      }
    }
    return new MediaType(
        type.isEmpty() ? null : type, charset == null || charset.isEmpty() ? null : charset);
  }
}
