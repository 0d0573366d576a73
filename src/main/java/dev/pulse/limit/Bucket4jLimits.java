package dev.pulse.limit;

import dev.pulse.analyze.llm.LlmGate;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The limits every worker of one PostgreSQL store keeps together, as Bucket4j token buckets whose
 * state lives in the database (table {@code limit_buckets}, row-locked for each take): a turn per
 * host (one request start per host delay, whichever worker sends it) and the LLM account's requests
 * and tokens per minute. Each take is one short transaction; a thread that must wait sleeps in its
 * own process until the bucket has refilled, then tries again.
 *
 * <p>The pace is set below the limits so that no minute, counted from any instant, holds more than
 * the limit: a bucket of capacity {@code c} refilled at {@code r} a minute lets through at most
 * {@code c + r} in any 60 s, so the LLM buckets refill at {@link #HEADROOM} of the limit less their
 * capacity.
 */
public final class Bucket4jLimits {

  /**
   * Share of an LLM limit the shared buckets pace at. Lower than the in-process limiter's 0.99: a
   * bucket spaces the moments requests are granted, and across processes on a busy machine a
   * request may reach the server a second or two after its grant, bunching with later ones; 5% of a
   * minute's requests is the margin for that (measured: 244 in one minute against 240 at 0.99).
   */
  static final double HEADROOM = 0.95;

  private final ProxyManager<String> buckets;

  private Bucket4jLimits(ProxyManager<String> buckets) {
    this.buckets = buckets;
  }

  /**
   * Limits kept in this PostgreSQL database, in the table the store's migrations create ({@code
   * limit_buckets}).
   */
  public static Bucket4jLimits postgresql(DataSource source) {
    return new Bucket4jLimits(
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(source)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("limit_buckets")
            .build());
  }

  /**
   * The LLM account's limits across all the workers of this database.
   *
   * @param account names the account (e.g. the endpoint and model): workers share a bucket when
   *     they name the same one
   * @param requestsPerMinute 0 for none
   * @param tokensPerMinute 0 for none
   */
  public LlmGate llm(String account, int requestsPerMinute, int tokensPerMinute) {
    BucketProxy requests =
        requestsPerMinute <= 0
            ? null
            : buckets
                .builder()
                .build(
                    "llm-requests:" + account + ":" + requestsPerMinute,
                    () -> perMinute(requestsPerMinute, 1));
    long tokenCapacity = Math.max(1, tokensPerMinute / 10);
    BucketProxy tokens =
        tokensPerMinute <= 0
            ? null
            : buckets
                .builder()
                .build(
                    "llm-tokens:" + account + ":" + tokensPerMinute,
                    () -> perMinute(tokensPerMinute, tokenCapacity));
    return new LlmGate() {
      @Override
      public void acquire(long estimatedTokens) throws InterruptedException {
        if (requests != null) {
          take(requests, 1);
        }
        if (tokens != null && estimatedTokens > 0) {
          // a request larger than the bucket goes alone once the bucket is full
          take(tokens, Math.min(estimatedTokens, tokenCapacity));
        }
      }

      @Override
      public void settle(long estimatedTokens, long actualTokens) {
        if (tokens == null) {
          return;
        }
        long booked = Math.min(estimatedTokens, tokenCapacity);
        if (actualTokens > booked) {
          tokens.consumeIgnoringRateLimits(actualTokens - booked);
        } else if (actualTokens < booked) {
          tokens.addTokens(booked - actualTokens);
        }
      }
    };
  }

  /**
   * Takes {@code n} tokens at the moment they are there, sleeping in between. Not Bucket4j's
   * blocking consume, which books a future moment and sleeps until then: a thread that wakes late
   * would then start its request too close to the next one's.
   */
  private static void take(Bucket bucket, long n) throws InterruptedException {
    while (true) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(n);
      if (probe.isConsumed()) {
        return;
      }
      TimeUnit.NANOSECONDS.sleep(Math.max(probe.getNanosToWaitForRefill(), MIN_SLEEP_NANOS));
    }
  }

  private static final long MIN_SLEEP_NANOS = 1_000_000;

  /**
   * A bucket that never lets more than {@code limit} through in any 60 s: {@code capacity} at once,
   * refilled at {@link #HEADROOM} of the limit less the capacity.
   */
  static BucketConfiguration perMinute(long limit, long capacity) {
    long refill = Math.max(1, (long) Math.floor(limit * HEADROOM) - capacity);
    Duration every = Duration.ofNanos(Duration.ofMinutes(1).toNanos() / refill);
    return BucketConfiguration.builder()
        .addLimit(l -> l.capacity(capacity).refillGreedy(1, every))
        .build();
  }
}
