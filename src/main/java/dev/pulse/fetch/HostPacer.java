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
  final class Turn implements AutoCloseable {
    private final Host host;
    private final Duration delayAfter;
    private final HostGate.Turn sharedTurn;
    private boolean holdsSlot = true;

    private Turn(Host host, Duration delayAfter, HostGate.Turn sharedTurn) {
      this.host = host;
      this.delayAfter = delayAfter;
      this.sharedTurn = sharedTurn;
    }

    /**
     * Waits the host's delay between two requests of this turn (a redirect hop to the same host),
     * holding the host (here and across processes) but not a global slot.
     */
    void pauseWithin() throws InterruptedException {
      if (delayAfter.isZero()) {
        return;
      }
      global.release();
      holdsSlot = false;
      sleeper.sleep(delayAfter);
      global.acquire();
      holdsSlot = true;
    }

    @Override
    public void close() {
      synchronized (host) {
        host.notBefore =
            Math.max(
                host.used ? host.notBefore : Long.MIN_VALUE,
                nanoTime.getAsLong() + delayAfter.toNanos());
        host.used = true;
      }
      if (holdsSlot) {
        global.release();
      }
      sharedTurn.close();
      host.turn.release();
    }
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
    return new Turn(h, delayAfter, held);
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
