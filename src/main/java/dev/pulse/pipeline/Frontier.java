package dev.pulse.pipeline;

import dev.pulse.fetch.HostOrder;
import dev.pulse.source.DiscoveredItem;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The items waiting to be fetched, one queue per host, handed out round-robin over hosts and never
 * two of one host at once: a host is paced one request at a time anyway, so a second lane on it
 * would only wait while other hosts sit idle. Items may be added while lanes take them (discovery
 * streams in); {@link #close()} says no more are coming. Thread-safe.
 */
final class Frontier {

  /** An item handed to a lane; the lane gives the host back with {@link #done(Taken)}. */
  record Taken(String host, DiscoveredItem item) {}

  private final Map<String, Deque<DiscoveredItem>> byHost = new HashMap<>();

  /** Hosts with waiting items and no lane on them, in turn order. */
  private final Deque<String> ready = new ArrayDeque<>();

  private final Set<String> busy = new HashSet<>();
  private int waiting;
  private boolean closed;
  private final java.util.function.Consumer<DiscoveredItem> admitted;

  Frontier() {
    this(item -> {});
  }

  /**
   * @param admitted told of every item added (the run tracks which items reach an outcome)
   */
  Frontier(java.util.function.Consumer<DiscoveredItem> admitted) {
    this.admitted = admitted;
  }

  synchronized void add(DiscoveredItem item) {
    if (closed) {
      throw new IllegalStateException("the frontier is closed");
    }
    String host = HostOrder.host(item.url());
    Deque<DiscoveredItem> queue = byHost.computeIfAbsent(host, k -> new ArrayDeque<>());
    admitted.accept(item);
    queue.add(item);
    waiting++;
    if (queue.size() == 1 && !busy.contains(host)) {
      ready.add(host);
    }
    notifyAll();
  }

  /** No more items will be added: lanes stop once the last one is taken. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /**
   * The next item of the host whose turn it is, waiting for one if need be; null once the frontier
   * is closed and empty.
   */
  synchronized @Nullable Taken take() throws InterruptedException {
    while (ready.isEmpty()) {
      if (closed && waiting == 0) {
        return null;
      }
      wait();
    }
    String host = ready.poll();
    DiscoveredItem item = byHost.get(host).poll();
    waiting--;
    busy.add(host);
    return new Taken(host, item);
  }

  /** The lane is done with the host: its next item, if any, goes to the back of the turn order. */
  synchronized void done(Taken taken) {
    busy.remove(taken.host());
    Deque<DiscoveredItem> queue = byHost.get(taken.host());
    if (queue.isEmpty()) {
      byHost.remove(taken.host());
    } else {
      ready.add(taken.host());
    }
    notifyAll();
  }
}
