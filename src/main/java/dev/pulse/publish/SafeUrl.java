package dev.pulse.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lets through only absolute http(s) URLs with a host; everything else (javascript:, data:, ...) is
 * dropped.
 */
final class SafeUrl {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern PRIVATE_172 = Pattern.compile("172\\.(1[6-9]|2\\d|3[01])\\..*");

  private SafeUrl() {}

  /**
   * Like {@link #httpOrNull}, and also null when the host is written as a loopback, private or
   * link-local address or "localhost": a published page's readers cannot load such a resource (the
   * demo's images, served from 127.0.0.1 during the run, are the usual case). Host names are not
   * resolved.
   */
  static @Nullable String publicHttpOrNull(@Nullable String url) {
    String u = httpOrNull(url);
    if (u == null) {
      return null;
    }
    String host = URI.create(u).getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean ipv4 = IPV4.matcher(host).matches();
    boolean ipv6 = host.contains(":");
    boolean local =
        host.equals("localhost")
            || host.endsWith(".localhost")
            || ipv4
                && (host.startsWith("127.")
                    || host.startsWith("10.")
                    || host.startsWith("0.")
                    || host.startsWith("192.168.")
                    || host.startsWith("169.254.")
                    || PRIVATE_172.matcher(host).matches())
            || ipv6
                && (host.equals("::1")
                    || host.equals("::")
                    || host.startsWith("fc")
                    || host.startsWith("fd")
                    || host.startsWith("fe80:"));
    return local ? null : u;
  }

  /** The URL, trimmed, when it is an absolute http(s) URL with a host; otherwise null. */
  static @Nullable String httpOrNull(@Nullable String url) {
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
