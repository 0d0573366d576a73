package dev.pulse.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SSRF guard: refuses URLs that are not http(s) or whose host resolves to an address Pulse must
 * not reach (loopback, private, shared, link-local incl. cloud metadata at 169.254.169.254,
 * multicast, unspecified, reserved), unless the host or address is allowed in {@link
 * FetchSettings#allow()}. Every resolved address must pass, so a name with one public and one
 * private record is refused.
 *
 * <p>Java caches successful lookups (30 s by default), so the HTTP client connecting right after
 * this check normally sees the same addresses; that narrows, but does not close, a DNS-rebinding
 * window.
 */
final class AddressGuard {

  /** Resolves a host name; a seam so tests can stay off the network. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final List<Cidr> FORBIDDEN =
      List.of(
              "0.0.0.0/8", // "this network", unspecified
              "10.0.0.0/8", // private
              "100.64.0.0/10", // carrier-grade NAT
              "127.0.0.0/8", // loopback
              "169.254.0.0/16", // link-local, cloud metadata
              "172.16.0.0/12", // private
              "192.0.0.0/24", // IETF protocol assignments
              "192.168.0.0/16", // private
              "198.18.0.0/15", // benchmarking
              "224.0.0.0/4", // multicast
              "240.0.0.0/4", // reserved, broadcast
              "::/128", // unspecified
              "::1/128", // loopback
              "fc00::/7", // unique local
              "fe80::/10", // link-local
              "fec0::/10", // old site-local
              "ff00::/8") // multicast
          .stream()
          .map(Cidr::parse)
          .toList();

  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
  private static final Cidr V4_COMPATIBLE = Cidr.parse("::/96");

  private final Set<String> allowedHosts = new HashSet<>();
  private final List<Cidr> allowedRanges = new ArrayList<>();
  private final Resolver resolver;

  AddressGuard(List<String> allow, Resolver resolver) {
    for (String entry : allow) {
      if (Cidr.looksLikeAddress(entry)) {
        allowedRanges.add(Cidr.parse(entry));
      } else {
        allowedHosts.add(entry.strip().toLowerCase(Locale.ROOT));
      }
    }
    this.resolver = resolver;
  }

  AddressGuard(List<String> allow) {
    this(allow, InetAddress::getAllByName);
  }

  /**
   * Checks the first URL of a fetch.
   *
   * @throws FetchException reason "invalid-url", "unknown-host" or "ssrf"
   */
  void check(URI uri) {
    String refused = refusal(uri, uri.toString());
    if (refused != null) {
      throw new FetchException(
          uri.toString(),
          "ssrf",
          "refused: " + refused + " (allow it in the fetch settings if this is intended)");
    }
  }

  /**
   * Checks a redirect hop. A refused hop is named with the page that redirected to it, under the
   * requested URL, and without an invitation to allow it: the address came from a server, not from
   * whoever wrote the configuration.
   *
   * @throws FetchException reason "invalid-url", "unknown-host" or "ssrf"
   */
  void checkRedirect(String requested, URI from, URI to) {
    String where = "a redirect from " + from + " to " + to;
    String refused;
    try {
      refused = refusal(to, requested);
    } catch (FetchException e) {
      throw new FetchException(requested, e.kind(), e.reason(), where + ": " + e.detail(), e);
    }
    if (refused != null) {
      throw new FetchException(requested, "ssrf", where + " was refused: " + refused);
    }
  }

  /** Why the URL must not be fetched (its host's forbidden address), or null when it may. */
  private @Nullable String refusal(URI uri, String url) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(url, "invalid-url", "only http and https URLs are fetched");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new FetchException(url, "invalid-url", "URL has no host");
    }
    host = host.replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    if (allowedHosts.contains(host)) {
      return null;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new FetchException(url, "unknown-host", "host " + host + " does not resolve", e);
    }
    for (InetAddress address : addresses) {
      if (isForbidden(address) && !isAllowed(address)) {
        String ip = address.getHostAddress();
        return (host.equals(ip) ? host + " is" : host + " resolves to " + ip + ",")
            + " a loopback, private, link-local or reserved address";
      }
    }
    return null;
  }

  private boolean isAllowed(InetAddress address) {
    return allowedRanges.stream().anyMatch(r -> r.contains(address));
  }

  /** True for addresses outside the public unicast internet. Pure. */
  static boolean isForbidden(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (FORBIDDEN.stream().anyMatch(r -> r.contains(bytes))) {
      return true;
    }
    if (address instanceof Inet6Address) {
      byte[] embedded = embeddedV4(bytes);
      if (embedded != null) {
        try {
          return isForbidden(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  /** The IPv4 address inside NAT64, 6to4 and IPv4-compatible IPv6 addresses, else null. */
  private static byte @Nullable [] embeddedV4(byte[] v6) {
    if (NAT64.contains(v6) || V4_COMPATIBLE.contains(v6)) {
      return java.util.Arrays.copyOfRange(v6, 12, 16);
    }
    if (SIX_TO_FOUR.contains(v6)) {
      return java.util.Arrays.copyOfRange(v6, 2, 6);
    }
    return null;
  }
}
