package dev.pulse.fetch;

import dev.pulse.retry.Sleeper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Per-host pacing under a global limit: at most one request in flight per host, a delay between the
 * end of one request to a host and the start of the next, and at most N requests in flight overall.
 * A thread waiting for its host's turn holds no global slot.
 */
final class HostPacer {

  /** A granted turn; closing it ends the request and starts the host's delay. */
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Host {
    final Semaphore turn = new Semaphore(1, true);
    long notBefore; // System.nanoTime() scale; guarded by this
    boolean used; // guarded by this
  }

  private final Semaphore global;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final HostGate shared;

  HostPacer(int maxConcurrency, LongSupplier nanoTime, Sleeper sleeper) {
    this(maxConcurrency, nanoTime, sleeper, HostGate.NONE);
  }

  /**
   * @param shared the host's turn across processes, waited for after this process's own
   */
  HostPacer(int maxConcurrency, LongSupplier nanoTime, Sleeper sleeper, HostGate shared) {
    this.global = new Semaphore(maxConcurrency, true);
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.shared = shared;
  }

  /**
   * Waits for the host's turn and a global slot.
   *
   * @param delayAfter the pause the host gets after this request ends
   */
  Turn acquire(String host, Duration delayAfter) throws InterruptedException {
    Host h = hosts.computeIfAbsent(host, k -> new Host());
    h.turn.acquire();
    HostGate.Turn held;
    try {
      long wait;
      synchronized (h) {
        wait = h.used ? h.notBefore - nanoTime.getAsLong() : 0;
      }
      if (wait > 0) {
        sleeper.sleep(Duration.ofNanos(wait));
      }
      HostGate.Turn sharedTurn = shared.await(host, delayAfter);
      try {
        global.acquire();
      } catch (InterruptedException | RuntimeException e) {
        sharedTurn.close();
        throw e;
      }
      held = sharedTurn;
    } catch (InterruptedException | RuntimeException e) {
      h.turn.release();
      throw e;
    }
    HostGate.Turn sharedTurn = held;
    return () -> {
      synchronized (h) {
        h.notBefore =
            Math.max(
                h.used ? h.notBefore : Long.MIN_VALUE, nanoTime.getAsLong() + delayAfter.toNanos());
        h.used = true;
      }
      global.release();
      sharedTurn.close();
      h.turn.release();
    };
  }

  /** Keeps the host idle for at least this long from now (a server's Retry-After). */
  void defer(String host, Duration pause) {
    Host h = hosts.computeIfAbsent(host, k -> new Host());
    synchronized (h) {
      long until = nanoTime.getAsLong() + pause.toNanos();
      h.notBefore = h.used ? Math.max(h.notBefore, until) : until;
      h.used = true;
    }
  }

  /** Global slots free now; for tests. */
  int freeSlots() {
    return global.availablePermits();
  }
}
