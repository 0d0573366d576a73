package dev.pulse.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An address range such as {@code 127.0.0.0/8} or {@code fc00::/7}; a bare address is a /32 or
 * /128.
 */
record Cidr(byte[] network, int prefix) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** True if the text is an IPv4 or IPv6 literal, optionally with a /prefix. */
  static boolean looksLikeAddress(String text) {
    String addr = text.strip().split("/", 2)[0];
    return IPV4.matcher(addr).matches() || addr.contains(":");
  }

  /** Parses a literal range; never does a DNS lookup. */
  static Cidr parse(String text) {
    String[] parts = text.strip().split("/", 2);
    if (!looksLikeAddress(parts[0])) {
      throw new IllegalArgumentException("not an address or CIDR range: " + text);
    }
    byte[] bytes;
    try {
      // A literal is parsed, not resolved, by InetAddress.getByName.
      bytes = InetAddress.getByName(parts[0].replace("[", "").replace("]", "")).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + text, e);
    }
    int prefix = bytes.length * 8;
    if (parts.length == 2) {
      prefix = Integer.parseInt(parts[1].strip());
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + text);
      }
    }
    return new Cidr(bytes, prefix);
  }

  boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] addr) {
    if (addr.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (addr[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (addr[full] & mask) == (network[full] & mask);
  }
}
