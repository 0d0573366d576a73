package dev.pulse.desk;

import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunLog;
import dev.pulse.store.RunRecord;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.StoreLock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunControl} on one background thread, under the store's lock ({@link StoreLock}), the same
 * one {@code pulse run} takes: a job takes it when it is asked for and keeps it until it ends, so
 * Run now is refused at once, naming the holder, while a {@code pulse run} (from cron, another
 * machine on a PostgreSQL store) holds the store, and such a run is refused while a desk job holds
 * it. The lock dies with its holder, so a run that crashed never blocks the desk.
 */
public final class BackgroundRuns implements RunControl, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRuns.class);

  /**
   * What actually runs: wired in {@code main} (the pipeline) or faked in tests; always under the
   * store lock the job holds, which it must not close.
   */
  public interface Launcher {
    void runBatch(StoreLock held);

    void rerun(String url, StoreLock held);
  }

  private final RunLog store;
  private final StoreLocation where;
  private final Map<String, String> env;
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
  private final AtomicReference<@Nullable Job> job = new AtomicReference<>();

  private record Job(String what, String user, Instant since, AtomicReference<String> progress) {}

  /**
   * @param afterJob told (with a description) when a job ends, e.g. to refresh the site
   */
  public BackgroundRuns(
      RunLog store,
      StoreLocation where,
      Map<String, String> env,
      Launcher launcher,
      Clock clock,
      java.time.ZoneId zone,
      Consumer<String> afterJob) {
    this.store = store;
    this.where = where;
    this.env = Map.copyOf(env);
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
    return StoreLock.holder(where, env).map(this::describe);
  }

  /** "pulse run (pid 4711 on news-1) since 30 Nov 2026, 14:02". */
  private String describe(StoreLock.Holder h) {
    return "pulse "
        + h.command()
        + " (pid "
        + h.pid()
        + " on "
        + h.host()
        + ") since "
        + format.time(h.since());
  }

  @Override
  public Optional<String> progress() {
    Job j = job.get();
    return j == null ? Optional.empty() : Optional.of(j.progress.get());
  }

  @Override
  public void runNow(String user) {
    start("Run now", user, (p, lock) -> launcher.runBatch(lock));
  }

  @Override
  public void rerun(String url, String user) {
    start("Rerun of " + url, user, (p, lock) -> launcher.rerun(url, lock));
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
        (p, lock) -> {
          for (int i = 0; i < urls.size(); i++) {
            p.set("retry " + (i + 1) + " of " + urls.size() + ": " + urls.get(i));
            launcher.rerun(urls.get(i), lock);
          }
        });
  }

  private synchronized void start(
      String what, String user, BiConsumer<AtomicReference<String>, StoreLock> work) {
    Job running = job.get();
    if (running != null) {
      throw refused(
          running.what
              + " started from the desk by "
              + running.user
              + " since "
              + format.time(running.since));
    }
    StoreLock lock;
    try {
      lock = StoreLock.acquire(where, "desk", Duration.ZERO, env);
    } catch (StoreLock.Busy busy) {
      throw refused(busy.holder() == null ? busy.getMessage() : describe(busy.holder()));
    }
    Job j = new Job(what, user, clock.instant(), new AtomicReference<>(what + ": starting"));
    job.set(j);
    try {
      worker.submit(
          () -> {
            try {
              j.progress.set(what + ": in progress");
              work.accept(j.progress, lock);
              LOG.info("desk: {} by {} finished", what, user);
            } catch (RuntimeException e) {
              LOG.warn("desk: {} by {} failed: {}", what, user, e.toString());
            } finally {
              try {
                lock.close();
              } finally {
                job.set(null);
                afterJob.accept(what);
              }
            }
          });
    } catch (RuntimeException e) {
      lock.close();
      job.set(null);
      throw e;
    }
  }

  private static Refused refused(String holder) {
    return new Refused(
        "Refused: a run holds the store — " + holder + ". Try again when it has finished.");
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
