package dev.pulse.pipeline;

import java.net.URI;
import java.util.Locale;

/** Picks the URL an entry is known by: the page's own canonical when it stays on the same host. */
final class Canonical {

  private Canonical() {}

  static String choose(String fetchedUrl, String declared) {
    String base = clean(fetchedUrl);
    if (declared == null || declared.isBlank()) {
      return base;
    }
    try {
      URI b = URI.create(base);
      URI d = b.resolve(declared.strip());
      if (d.getHost() != null
          && d.getHost().equalsIgnoreCase(b.getHost())
          && ("http".equalsIgnoreCase(d.getScheme()) || "https".equalsIgnoreCase(d.getScheme()))) {
        return clean(d.toString());
      }
    } catch (IllegalArgumentException e) {
      // a malformed declared canonical is ignored: the fetched URL stands
    }
    return base;
  }

  private static String clean(String url) {
    try {
      URI u = URI.create(url.strip());
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      String host = u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
        port = -1;
      }
      return new URI(scheme, u.getUserInfo(), host, port, u.getPath(), u.getQuery(), null)
          .toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return url.strip();
    }
  }
}
