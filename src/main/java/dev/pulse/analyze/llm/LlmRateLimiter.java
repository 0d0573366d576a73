package dev.pulse.analyze.llm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Keeps a run under the account's limits, client side: at most {@code maxConcurrent} requests in
 * flight, {@code requestsPerMinute} requests and {@code tokensPerMinute} tokens (in + out) in any
 * sliding minute. A request is booked with an estimate of its tokens and settled with the real
 * figure once the reply's usage is known. A single request larger than the token limit is let
 * through alone rather than blocked forever.
 */
final class LlmRateLimiter {

  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final int requestsPerMinute;
  private final int tokensPerMinute;
  private final Semaphore inFlight;
  private final LongSupplier nanoClock;
  private final LlmSleeper sleeper;
  private final Deque<Booking> window = new ArrayDeque<>();

  LlmRateLimiter(
      int requestsPerMinute, int tokensPerMinute, int maxConcurrent, LongSupplier nanoClock, LlmSleeper sleeper) {
    this.requestsPerMinute = requestsPerMinute;
    this.tokensPerMinute = tokensPerMinute;
    this.inFlight = new Semaphore(maxConcurrent, true);
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** A booked request; {@link #close()} frees its concurrency slot. */
  final class Permit implements AutoCloseable {
    private final Booking booking;
    private boolean closed;

    private Permit(Booking booking) {
      this.booking = booking;
    }

    /** Replaces the estimate with the tokens the API reported. */
    void settle(long tokens) {
      synchronized (LlmRateLimiter.this) {
        booking.tokens = Math.max(0, tokens);
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        inFlight.release();
      }
    }
  }

  private static final class Booking {
    final long at;
    long tokens;

    Booking(long at, long tokens) {
      this.at = at;
      this.tokens = tokens;
    }
  }

  /** Waits until the request may go, then books it. */
  Permit acquire(long estimatedTokens) throws InterruptedException {
    inFlight.acquire();
    try {
      while (true) {
        long wait;
        synchronized (this) {
          long now = nanoClock.getAsLong();
          wait = waitNanos(now, estimatedTokens);
          if (wait <= 0) {
            Booking b = new Booking(now, estimatedTokens);
            window.addLast(b);
            return new Permit(b);
          }
        }
        sleeper.sleep(Duration.ofNanos(wait));
      }
    } catch (InterruptedException | RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  /** Requests currently allowed in flight and not taken (for tests and diagnostics). */
  int freeSlots() {
    return inFlight.availablePermits();
  }

  private long waitNanos(long now, long tokens) {
    while (!window.isEmpty() && now - window.peekFirst().at >= MINUTE_NANOS) {
      window.removeFirst();
    }
    long wait = 0;
    if (requestsPerMinute > 0 && window.size() >= requestsPerMinute) {
      int excess = window.size() - requestsPerMinute;
      wait = expiry(nth(excess), now);
    }
    if (tokensPerMinute > 0 && !window.isEmpty()) {
      long used = window.stream().mapToLong(b -> b.tokens).sum();
      long over = used + tokens - tokensPerMinute;
      for (Booking b : window) {
        if (over <= 0) {
          break;
        }
        over -= b.tokens;
        wait = Math.max(wait, expiry(b, now));
      }
    }
    return wait;
  }

  private Booking nth(int n) {
    int i = 0;
    for (Booking b : window) {
      if (i++ == n) {
        return b;
      }
    }
    throw new IllegalStateException("window shorter than " + n);
  }

  private static long expiry(Booking b, long now) {
    return Math.max(1, b.at + MINUTE_NANOS - now);
  }
}
