package dev.pulse.identity;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Makes one URL per article: lower-case scheme and host (IDN to ASCII), no user info, no default
 * port, no fragment, dot segments removed, percent-escapes normalised, tracking parameters dropped
 * and the remaining query parameters sorted. Pure and thread-safe.
 *
 * <p>The path keeps its case and trailing slash, and {@code www.} is kept: those can name different
 * resources.
 */
public final class UrlCanonicalizer {

  /** Query parameters that only track the click, dropped by default. */
  public static final Set<String> DEFAULT_TRACKING_PARAMS =
      Set.of(
          "fbclid",
          "gclid",
          "gclsrc",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "yclid",
          "igshid",
          "twclid",
          "ttclid",
          "li_fat_id",
          "_ga",
          "_gl",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "vero_conv",
          "ck_subscriber_id",
          "rb_clickid",
          "s_cid",
          "cmpid",
          "ocid",
          "spm");

  /** Parameter name prefixes dropped by default ({@code utm_source}, {@code utm_medium}, ...). */
  public static final List<String> DEFAULT_TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_");

  private final Set<String> dropped;
  private final List<String> droppedPrefixes;

  /**
   * @param dropped parameter names to drop (matched ignoring case)
   * @param droppedPrefixes parameter name prefixes to drop (matched ignoring case)
   */
  public UrlCanonicalizer(Set<String> dropped, List<String> droppedPrefixes) {
    this.dropped =
        dropped.stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.droppedPrefixes = droppedPrefixes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  public static UrlCanonicalizer defaults() {
    return new UrlCanonicalizer(DEFAULT_TRACKING_PARAMS, DEFAULT_TRACKING_PREFIXES);
  }

  /**
   * The defaults plus more parameter names to drop (e.g. the config's {@code
   * fetch.tracking_params}).
   */
  public static UrlCanonicalizer withExtraParams(java.util.Collection<String> extra) {
    Set<String> all = new java.util.HashSet<>(DEFAULT_TRACKING_PARAMS);
    all.addAll(extra);
    return new UrlCanonicalizer(all, DEFAULT_TRACKING_PREFIXES);
  }

  /**
   * The canonical form of an absolute http(s) URL.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public String canonicalize(String url) {
    URI uri = parse(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = host(uri);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("http") && port == 80)
            || (scheme.equals("https") && port == 443);
    String path = uri.normalize().getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    // A path escaping above the root ("/../a") keeps its dots after normalize(); drop them.
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    StringBuilder out = new StringBuilder(scheme).append("://").append(host);
    if (!defaultPort) {
      out.append(':').append(port);
    }
    out.append(normalizeEscapes(path));
    String query = query(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /**
   * The URL an article is known by: the page's own canonical ({@code rel=canonical} or {@code
   * og:url}) when it is a valid http(s) URL on the same site (same registrable domain, e.g. {@code
   * www.example.co.uk} and {@code m.example.co.uk}), else the URL it was fetched from;
   * canonicalised either way.
   *
   * @param fetchedUrl the final URL after redirects
   * @param declared the canonical the page declares, possibly relative, or null
   */
  public String preferred(String fetchedUrl, @Nullable String declared) {
    String fetched = canonicalize(fetchedUrl);
    if (declared == null || declared.isBlank()) {
      return fetched;
    }
    String candidate;
    try {
      candidate = canonicalize(URI.create(fetched).resolve(escape(declared.strip())).toString());
    } catch (IllegalArgumentException e) {
      return fetched;
    }
    return sameSite(URI.create(fetched).getHost(), URI.create(candidate).getHost())
        ? candidate
        : fetched;
  }

  static boolean sameSite(String a, String b) {
    if (a.equalsIgnoreCase(b)) {
      return true;
    }
    if (isAddress(a) || isAddress(b)) {
      return false;
    }
    // strict: a host under no known public suffix has no registrable domain, so only exact matches.
    String da = EffectiveTldFinder.getAssignedDomain(a, true, false);
    String db = EffectiveTldFinder.getAssignedDomain(b, true, false);
    return da != null && da.equalsIgnoreCase(db);
  }

  private static boolean isAddress(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  private String query(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<@Nullable String[]> params = new ArrayList<>();
    for (String pair : raw.split("[&;]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      @Nullable String value = eq < 0 ? null : pair.substring(eq + 1);
      if (!isTracking(name)) {
        params.add(
            new String[] {normalizeEscapes(name), value == null ? null : normalizeEscapes(value)});
      }
    }
    params.sort(
        Comparator.<String[], String>comparing(p -> p[0])
            .thenComparing(p -> p[1], Comparator.nullsFirst(Comparator.naturalOrder())));
    StringBuilder out = new StringBuilder();
    for (String[] p : params) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p[0]);
      if (p[1] != null) {
        out.append('=').append(p[1]);
      }
    }
    return out.toString();
  }

  private boolean isTracking(String rawName) {
    String name = decodeLoosely(rawName).toLowerCase(Locale.ROOT);
    return dropped.contains(name) || droppedPrefixes.stream().anyMatch(name::startsWith);
  }

  private static URI parse(String url) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(escape(url.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    if (uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    return uri;
  }

  private static String host(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI leaves hosts with non-ASCII or underscores in the authority only.
      String authority = uri.getRawAuthority();
      authority = authority.substring(authority.lastIndexOf('@') + 1);
      host =
          authority.startsWith("[")
              ? authority.substring(0, authority.indexOf(']') + 1)
              : authority.split(":", 2)[0];
      host = decodeLoosely(host);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + uri);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!host.startsWith("[")) {
      try {
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a valid host name: " + host, e);
      }
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /**
   * Percent-encodes what java.net.URI refuses (spaces, non-ASCII, a few symbols), leaving valid
   * escapes alone.
   */
  static String escape(String url) {
    StringBuilder out = new StringBuilder(url.length());
    byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      boolean validEscape =
          b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (b > 0x20 && b < 0x7F && "\"<>\\^`{|} ".indexOf(b) < 0 && (b != '%' || validEscape)) {
        out.append((char) b);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Upper-cases escape hex digits and decodes escapes of unreserved characters (RFC 3986 6.2.2).
   */
  private static String normalizeEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%'
          && i + 2 < s.length()
          && isHex((byte) s.charAt(i + 1))
          && isHex((byte) s.charAt(i + 2))) {
        int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (Character.isLetterOrDigit(v) && v < 0x80
            || v == '-'
            || v == '.'
            || v == '_'
            || v == '~') {
          out.append((char) v);
        } else {
          out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String decodeLoosely(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }
}
