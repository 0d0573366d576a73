package dev.pulse.fetch;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders work so that consecutive items go to different hosts. {@link PoliteFetcher} makes a thread
 * wait for its host's turn; with items grouped by source, every fetching thread would wait on the
 * same host while the others sit idle. Pure.
 */
public final class HostOrder {

  private HostOrder() {}

  /**
   * Round-robin over hosts, keeping each host's own order and the order in which hosts first
   * appear. Items whose URL has no readable host are grouped together.
   */
  public static <T> List<T> interleave(List<T> items, Function<T, String> urlOf) {
    Map<String, Deque<T>> byHost = new LinkedHashMap<>();
    for (T item : items) {
      byHost.computeIfAbsent(host(urlOf.apply(item)), k -> new ArrayDeque<>()).add(item);
    }
    List<T> out = new ArrayList<>(items.size());
    while (out.size() < items.size()) {
      for (Deque<T> queue : byHost.values()) {
        if (!queue.isEmpty()) {
          out.add(queue.poll());
        }
      }
    }
    return out;
  }

  /** The URL's host in lower case; "" when it has none or cannot be read. */
  public static String host(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      return "";
    }
  }
}
