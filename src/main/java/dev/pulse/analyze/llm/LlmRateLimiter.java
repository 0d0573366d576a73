package dev.pulse.analyze.llm;

import dev.pulse.retry.Sleeper;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a run under the account's limits, client side: at most {@code maxConcurrent} requests in
 * flight, and requests and tokens (in + out) per minute as a smooth rate: requests are spaced
 * evenly (a 600-a-minute limit sends one about every 100 ms) rather than sent in a burst that then
 * stalls until the minute is over, so a server counting over any sliding minute never sees more
 * than its limit. A request may go a little ahead of its tick (a small, fixed allowance: see {@link
 * #requestTolerance()}), so that slots freed a moment early are not left idle. Each request is
 * booked for the moment it is actually sent, with an estimate of its tokens, and settled with the
 * real figure once the reply's usage is known. The pace is {@link #HEADROOM} of the limits, so that
 * network jitter cannot push one request over a server's minute.
 *
 * <p>The server has the last word: a 429 or an exhausted {@code x-ratelimit-remaining-*} holds
 * every new request until the wait it asked for has passed (one 429, not a storm of them), and the
 * limits it announces ({@code x-ratelimit-limit-*}) lower the configured ones, or replace them when
 * they were the defaults rather than the user's. A single request larger than a minute's tokens is
 * let through alone rather than blocked forever. Thread-safe.
 */
final class LlmRateLimiter {

  /** The share of the limits the limiter paces at. */
  static final double HEADROOM = 0.99;

  private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

  private final Semaphore inFlight;
  private final int maxConcurrent;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private volatile LlmGate shared = LlmGate.NONE;

  // all below guarded by this
  private int requestsPerMinute;
  private int tokensPerMinute;
  private final boolean adoptServerLimits;

  /** Earliest time the next request may be sent (the rate's theoretical arrival time). */
  private long nextRequestAt;

  /** Earliest time the tokens booked so far are paid off at the token rate. */
  private long tokensPaidAt;

  /** The server asked for a rest until then. */
  private long pausedUntil;

  private boolean anyBooked;
  private final Waits waits = new Waits();

  /**
   * @param requestsPerMinute 0 for no limit
   * @param tokensPerMinute 0 for no limit
   * @param adoptServerLimits the limits are defaults, not the user's: the server's announced limits
   *     replace them, higher or lower (the user's are only ever lowered)
   */
  LlmRateLimiter(
      int requestsPerMinute,
      int tokensPerMinute,
      int maxConcurrent,
      boolean adoptServerLimits,
      LongSupplier nanoClock,
      Sleeper sleeper) {
    this.requestsPerMinute = requestsPerMinute;
    this.tokensPerMinute = tokensPerMinute;
    this.maxConcurrent = maxConcurrent;
    this.adoptServerLimits = adoptServerLimits;
    this.inFlight = new Semaphore(maxConcurrent, true);
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
  }

  /** As the full constructor, with limits set by the user (only ever lowered by the server). */
  LlmRateLimiter(
      int requestsPerMinute,
      int tokensPerMinute,
      int maxConcurrent,
      LongSupplier nanoClock,
      Sleeper sleeper) {
    this(requestsPerMinute, tokensPerMinute, maxConcurrent, false, nanoClock, sleeper);
  }

  /**
   * Holds every request to the account's limits across processes too (the workers of one store),
   * after this process's own pacing; set before the first request.
   */
  LlmRateLimiter sharedWith(LlmGate gate) {
    this.shared = gate;
    return this;
  }

  /** A booked request; {@link #close()} frees its concurrency slot. */
  final class Permit implements AutoCloseable {
    private final long estimate;
    private boolean closed;
    private boolean settled;

    private Permit(long estimate) {
      this.estimate = estimate;
    }

    /** Replaces the estimate with the tokens the API reported. */
    void settle(long tokens) {
      synchronized (LlmRateLimiter.this) {
        if (settled) {
          return;
        }
        settled = true;
        if (tokensPerMinute > 0) {
          tokensPaidAt += (long) ((Math.max(0, tokens) - estimate) * nanosPerToken());
        }
      }
      shared.settle(estimate, Math.max(0, tokens));
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        inFlight.release();
      }
    }
  }

  /** Waits until the request may go, then books it for now. */
  Permit acquire(long estimatedTokens) throws InterruptedException {
    long asked = nanoClock.getAsLong();
    inFlight.acquire();
    try {
      long wait;
      synchronized (this) {
        long now = nanoClock.getAsLong();
        waits.concurrency += now - asked;
        long at = now;
        if (!anyBooked) {
          nextRequestAt = now;
          tokensPaidAt = now;
          anyBooked = true;
        }
        long byRequests = requestsPerMinute > 0 ? nextRequestAt - requestTolerance() : now;
        long byTokens = tokensPerMinute > 0 ? tokensPaidAt : now;
        at = Math.max(at, Math.max(Math.max(byRequests, byTokens), pausedUntil));
        wait = at - now;
        if (wait > 0) {
          if (pausedUntil >= byRequests && pausedUntil >= byTokens) {
            waits.server += wait;
          } else if (byTokens > byRequests) {
            waits.tokens += wait;
          } else {
            waits.requests += wait;
          }
        }
        if (requestsPerMinute > 0) {
          nextRequestAt = Math.max(nextRequestAt, at) + requestInterval();
        }
        if (tokensPerMinute > 0) {
          tokensPaidAt = Math.max(tokensPaidAt, at) + (long) (estimatedTokens * nanosPerToken());
        }
      }
      if (wait > 0) {
        sleeper.sleep(Duration.ofNanos(wait));
      }
      shared.acquire(estimatedTokens);
      return new Permit(estimatedTokens);
    } catch (InterruptedException | RuntimeException e) {
      inFlight.release();
      throw e;
    }
  }

  /**
   * The server answered 429 (or said nothing is left): no request goes before {@code wait} has
   * passed.
   */
  synchronized void pause(@Nullable Duration wait) {
    if (wait != null && !wait.isNegative()) {
      pausedUntil = Math.max(pausedUntil, nanoClock.getAsLong() + wait.toNanos());
    }
  }

  /**
   * What a reply's {@code x-ratelimit-*} headers said; any value may be null when absent.
   *
   * @param limitRequests the account's requests per minute
   * @param limitTokens the account's tokens per minute
   * @param remainingRequests requests left until {@code resetRequests}
   * @param remainingTokens tokens left until {@code resetTokens}
   */
  record ServerLimits(
      @Nullable Long limitRequests,
      @Nullable Long limitTokens,
      @Nullable Long remainingRequests,
      @Nullable Long remainingTokens,
      @Nullable Duration resetRequests,
      @Nullable Duration resetTokens) {}

  /** Adapts to what the server says about the account's limits. */
  synchronized void observe(ServerLimits s) {
    if (s.limitRequests() != null && s.limitRequests() > 0) {
      requestsPerMinute = adopt(requestsPerMinute, s.limitRequests());
    }
    if (s.limitTokens() != null && s.limitTokens() > 0) {
      tokensPerMinute = adopt(tokensPerMinute, s.limitTokens());
    }
    if (s.remainingRequests() != null && s.remainingRequests() <= 0 && s.resetRequests() != null) {
      pause(s.resetRequests());
    }
    if (s.remainingTokens() != null && s.remainingTokens() <= 0 && s.resetTokens() != null) {
      pause(s.resetTokens());
    }
  }

  private int adopt(int configured, long announced) {
    int server = (int) Math.min(Integer.MAX_VALUE, announced);
    // no client-side limit configured: the server's is still worth keeping to, to avoid 429s
    return adoptServerLimits || configured == 0 ? server : Math.min(configured, server);
  }

  /** Requests currently allowed in flight and not taken (for tests and diagnostics). */
  int freeSlots() {
    return inFlight.availablePermits();
  }

  /** The limits in force now: requests and tokens per minute (0 for none). */
  synchronized int[] limits() {
    return new int[] {requestsPerMinute, tokensPerMinute};
  }

  /**
   * Which limit, if any, set the pace: the one requests waited for longest, with the total wait;
   * null when requests hardly waited at all (the work, not a limit, set the pace).
   *
   * @param busy how long the limiter was in use, to judge what "hardly" is (under 5% of the time
   *     the slots were there for)
   */
  synchronized @Nullable String pacing(Duration busy) {
    long total = waits.requests + waits.tokens + waits.server + waits.concurrency;
    if (total == 0 || total < busy.toNanos() * maxConcurrent / 20) {
      return null;
    }
    long most =
        Math.max(Math.max(waits.requests, waits.tokens), Math.max(waits.server, waits.concurrency));
    String which =
        most == waits.requests
            ? "llm.requests_per_minute (" + requestsPerMinute + ")"
            : most == waits.tokens
                ? "llm.tokens_per_minute (" + tokensPerMinute + ")"
                : most == waits.server
                    ? "the server's rate-limit answers (429, x-ratelimit-*)"
                    : "llm.max_concurrent (" + maxConcurrent + ")";
    return String.format(
        Locale.ROOT, "%s set the pace: requests waited %.1f s for it in total", which, most / 1e9);
  }

  private long requestInterval() {
    return (long) (MINUTE_NANOS / (requestsPerMinute * HEADROOM));
  }

  /**
   * How far ahead of the even pace a request may go: half the headroom's requests, less one (2
   * intervals at 600 a minute; none below 400 a minute). A request whose concurrency slot comes
   * free a little early then goes at once instead of idling until its tick, while any sliding
   * minute still holds at most the even pace plus this many and one (597 at 600 a minute), which
   * leaves the other half of the headroom for network jitter.
   */
  private long requestTolerance() {
    long spare = (long) Math.floor(requestsPerMinute * (1 - HEADROOM) / 2) - 1;
    return Math.max(0, spare) * requestInterval();
  }

  private double nanosPerToken() {
    return MINUTE_NANOS / (tokensPerMinute * HEADROOM);
  }

  /** Nanoseconds requests spent waiting, by cause. */
  private static final class Waits {
    long concurrency;
    long requests;
    long tokens;
    long server;
  }
}
