package dev.pulse.pipeline;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How far a run is, for a progress display: the items it has taken on so far (discovered, merged,
 * resumed from the queue; the total grows while discovery goes on) and how many of them reached an
 * outcome. Thread-safe; read with {@link #snapshot()}.
 */
public final class RunProgress {

  /**
   * One reading.
   *
   * @param done items that reached an outcome
   * @param total items taken on so far
   * @param elapsed since the run started
   */
  public record Snapshot(int done, int total, Duration elapsed) {

    /** Items done per second so far; 0 before the first one. */
    public double rate() {
      double seconds = elapsed.toNanos() / 1e9;
      return done == 0 || seconds <= 0 ? 0 : done / seconds;
    }

    /** Time left at the rate so far, or null when it cannot be told yet. */
    public @Nullable Duration eta() {
      double rate = rate();
      if (rate <= 0 || done >= total) {
        return done >= total && done > 0 ? Duration.ZERO : null;
      }
      return Duration.ofMillis(Math.round((total - done) / rate * 1000));
    }
  }

  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final LongSupplier nanoTime;
  private final long started;

  public RunProgress() {
    this(System::nanoTime);
  }

  RunProgress(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** The run took on an item. */
  void admitted() {
    total.incrementAndGet();
  }

  /** An item the run took on reached its outcome. */
  void ended() {
    done.incrementAndGet();
  }

  /** Listed items merged into another one: taken on and done at once. */
  void merged(int n) {
    total.addAndGet(n);
    done.addAndGet(n);
  }

  public Snapshot snapshot() {
    return new Snapshot(done.get(), total.get(), Duration.ofNanos(nanoTime.getAsLong() - started));
  }
}
