package dev.pulse.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per account and per address in a sliding window: once either has
 * {@code maxFailures} failures within the window, every attempt is refused, even with the right
 * password, until the oldest failure leaves the window. Thread-safe.
 */
final class LoginLimiter {

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginLimiter(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  boolean allowed(String account, String address) {
    return count("a:" + account) < maxFailures && count("ip:" + address) < maxFailures;
  }

  void failed(String account, String address) {
    add("a:" + account);
    add("ip:" + address);
  }

  private int count(String key) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    synchronized (d) {
      prune(d);
      return d.size();
    }
  }

  private void add(String key) {
    Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      prune(d);
      d.addLast(clock.instant());
    }
    if (failures.size() > 100_000) {
      failures.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          prune(e.getValue());
          return e.getValue().isEmpty();
        }
      });
    }
  }

  private void prune(Deque<Instant> d) {
    Instant cutoff = clock.instant().minus(window);
    while (!d.isEmpty() && !d.peekFirst().isAfter(cutoff)) {
      d.removeFirst();
    }
  }
}
