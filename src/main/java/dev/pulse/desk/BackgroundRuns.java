package dev.pulse.desk;

import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunLog;
import dev.pulse.store.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunControl} on one background thread. A run holds the store when this process is running a
 * job, or when the store records a run still in progress (another process's {@code pulse run}) that
 * started less than {@link #STALE} ago; a run recorded as in progress for longer is taken for one
 * that died without finishing.
 */
public final class BackgroundRuns implements RunControl, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRuns.class);
  static final Duration STALE = Duration.ofHours(6);

  /** What actually runs: wired in {@code main} (the pipeline) or faked in tests. */
  public interface Launcher {
    void runBatch();

    void rerun(String url);
  }

  private final RunLog store;
  private final Launcher launcher;
  private final Clock clock;
  private final Format format;
  private final Consumer<String> afterJob;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pulse-desk-runs");
            t.setDaemon(true);
            return t;
          });
  private final AtomicReference<Job> job = new AtomicReference<>();

  private record Job(String what, String user, Instant since, AtomicReference<String> progress) {}

  /**
   * @param afterJob told (with a description) when a job ends, e.g. to refresh the site
   */
  public BackgroundRuns(
      RunLog store,
      Launcher launcher,
      Clock clock,
      java.time.ZoneId zone,
      Consumer<String> afterJob) {
    this.store = store;
    this.launcher = launcher;
    this.clock = clock;
    this.format = new Format(zone);
    this.afterJob = afterJob;
  }

  @Override
  public Optional<String> busy() {
    Job j = job.get();
    if (j != null) {
      return Optional.of(
          j.what + " started from the desk by " + j.user + " since " + format.time(j.since));
    }
    Instant cutoff = clock.instant().minus(STALE);
    return store.runs().stream()
        .filter(
            r ->
                r.finishedAt() == null
                    && "running".equals(r.status())
                    && r.startedAt().isAfter(cutoff))
        .findFirst()
        .map(
            r ->
                "pulse "
                    + r.command()
                    + " (run "
                    + r.id()
                    + ") since "
                    + format.time(r.startedAt()));
  }

  @Override
  public Optional<String> progress() {
    Job j = job.get();
    return j == null ? Optional.empty() : Optional.of(j.progress.get());
  }

  @Override
  public void runNow(String user) {
    start("Run now", user, p -> launcher.runBatch());
  }

  @Override
  public void rerun(String url, String user) {
    start("Rerun of " + url, user, p -> launcher.rerun(url));
  }

  @Override
  public void retryFailed(long runId, String user) {
    List<String> urls =
        List.copyOf(
            new LinkedHashSet<>(store.failures(runId).stream().map(ItemFailure::url).toList()));
    if (urls.isEmpty()) {
      throw new Refused("Run " + runId + " has no failed items to retry.");
    }
    start(
        "Retry of run " + runId + "'s " + urls.size() + " failed items",
        user,
        p -> {
          for (int i = 0; i < urls.size(); i++) {
            p.set("retry " + (i + 1) + " of " + urls.size() + ": " + urls.get(i));
            launcher.rerun(urls.get(i));
          }
        });
  }

  private synchronized void start(
      String what, String user, Consumer<AtomicReference<String>> work) {
    Optional<String> holder = busy();
    if (holder.isPresent()) {
      throw new Refused(
          "Refused: a run holds the store — " + holder.get() + ". Try again when it has finished.");
    }
    Job j = new Job(what, user, clock.instant(), new AtomicReference<>(what + ": starting"));
    job.set(j);
    worker.submit(
        () -> {
          try {
            j.progress.set(what + ": in progress");
            work.accept(j.progress);
            LOG.info("desk: {} by {} finished", what, user);
          } catch (RuntimeException e) {
            LOG.warn("desk: {} by {} failed: {}", what, user, e.toString());
          } finally {
            job.set(null);
            afterJob.accept(what);
          }
        });
  }

  /** The runs of the store, newest first. */
  List<RunRecord> runs() {
    return store.runs();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
