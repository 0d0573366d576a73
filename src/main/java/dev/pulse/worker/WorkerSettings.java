package dev.pulse.worker;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a worker runs ({@code worker:} in the config, docs/scaling.md).
 *
 * @param threads items (and discoveries) in flight at once in this worker
 * @param heartbeatTimeout how long a worker may go without a heartbeat before its tasks are taken
 *     by others and it counts as dead in {@code pulse status}; heartbeats are sent four times as
 *     often
 * @param grace after SIGTERM, how long in-flight items get to finish before they are released
 * @param pollInterval how often a worker looks for due tasks when it has had none
 * @param defaultSchedule the discovery schedule of a source without its own (5-field cron, UTC)
 * @param siteSchedule when the site is re-rendered ({@code site.schedule}: 5-field cron, UTC), or
 *     null for never by the worker
 * @param requeueEvery how often the store's queue (items failed for a passing reason) is turned
 *     back into tasks
 */
public record WorkerSettings(
    int threads,
    Duration heartbeatTimeout,
    Duration grace,
    Duration pollInterval,
    String defaultSchedule,
    @Nullable String siteSchedule,
    Duration requeueEvery) {

  public static final String DEFAULT_SCHEDULE = "*/15 * * * *";

  public static final WorkerSettings DEFAULTS =
      new WorkerSettings(
          8,
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofSeconds(2),
          DEFAULT_SCHEDULE,
          null,
          Duration.ofMinutes(5));

  public WorkerSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("worker.threads must be at least 1");
    }
    Objects.requireNonNull(defaultSchedule, "defaultSchedule");
    if (heartbeatTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("worker.heartbeat_timeout must be at least 2s");
    }
    if (grace.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("worker.grace and worker.poll_interval must be positive");
    }
  }

  /** How often a worker says it is alive: a quarter of the timeout. */
  public Duration heartbeatInterval() {
    return heartbeatTimeout.dividedBy(MISSED_HEARTBEATS);
  }

  /** Heartbeats missed before a worker counts as dead. */
  static final int MISSED_HEARTBEATS = 4;

  public WorkerSettings withThreads(int n) {
    return new WorkerSettings(
        n, heartbeatTimeout, grace, pollInterval, defaultSchedule, siteSchedule, requeueEvery);
  }

  public WorkerSettings withHeartbeatTimeout(Duration d) {
    return new WorkerSettings(
        threads, d, grace, pollInterval, defaultSchedule, siteSchedule, requeueEvery);
  }

  public WorkerSettings withPollInterval(Duration d) {
    return new WorkerSettings(
        threads, heartbeatTimeout, grace, d, defaultSchedule, siteSchedule, requeueEvery);
  }
}
