package dev.pulse.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Lets through only absolute http(s) URLs with a host; everything else (javascript:, data:, ...) is dropped. */
final class SafeUrl {

  private SafeUrl() {}

  /** The URL, trimmed, when it is an absolute http(s) URL with a host; otherwise null. */
  static String httpOrNull(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    if (u.isEmpty() || u.length() > 4096) {
      return null;
    }
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') {
        return null;
      }
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty()) {
        return null;
      }
      String s = scheme.toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
