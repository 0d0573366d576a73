package dev.pulse.worker;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.pulse.config.Cron;
import dev.pulse.fetch.HostOrder;
import dev.pulse.identity.EntryId;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.source.DiscoveredItem;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pulse worker}: a long-running process that takes its work from db-scheduler's table in the
 * store's database. Each source is a recurring task on its cron schedule (run by one worker per
 * tick, whichever is up); each discovered item is a one-time task (id: the SHA-256 of its URL) that
 * one worker claims and runs through {@link Pipeline.Session#process}. A worker that dies stops
 * heartbeating; after {@link WorkerSettings#heartbeatTimeout()} its tasks are taken by the others.
 * Many workers share a PostgreSQL store; a SQLite store has one.
 *
 * <p>Lifecycle: {@link #start}, then {@link #stop()} (from SIGTERM): no new tasks are claimed, the
 * ones in flight get {@link WorkerSettings#grace()} to finish (an item the pipeline declines to
 * start once stopping is released to the others at once), the worker's row says it stopped.
 */
public final class Worker {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /** Task names, as in {@code scheduled_tasks.task_name}. */
  public static final String ITEM = "item";

  public static final String DISCOVER_PREFIX = "discover:";
  public static final String REQUEUE = "requeue";
  public static final String SITE = "site";

  /** Queued items read from the store at a time by {@code requeue}. */
  static final int REQUEUE_PAGE = 500;

  /** How soon an item a stopping worker did not start is offered again. */
  static final Duration RELEASE_DELAY = Duration.ofSeconds(1);

  private final String name;
  private final Duration hostDelay;
  private final Scheduler scheduler;
  private final OneTimeTask<ItemTask> items;
  private final List<RecurringTask<Void>> discoveries;
  private final Pipeline.Session session;
  private final WorkerRegistry registry;
  private final ScheduledExecutorService heartbeats;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile @Nullable String fatal;
  private final Duration heartbeatTimeout;
  private int beats;

  private Worker(
      String name,
      DataSource db,
      boolean sqlite,
      Pipeline.Session session,
      List<SourceConfig> sources,
      Map<String, String> schedules,
      WorkerSettings settings,
      Duration hostDelay,
      @Nullable Runnable renderSite) {
    this.name = name;
    this.hostDelay = hostDelay;
    this.heartbeatTimeout = settings.heartbeatTimeout();
    this.session = session;
    this.items =
        Tasks.oneTime(ITEM, ItemTask.class)
            .onFailure(new FailureHandler.OnFailureRetryLater<>(RELEASE_DELAY))
            .execute((instance, ctx) -> process(instance.getData()));
    List<RecurringTask<?>> recurring = new ArrayList<>();
    this.discoveries = new ArrayList<>();
    for (SourceConfig s : sources) {
      String cron = schedules.getOrDefault(s.name(), settings.defaultSchedule());
      RecurringTask<Void> t =
          Tasks.recurring(DISCOVER_PREFIX + s.name(), Cron.parse(cron))
              .execute((instance, ctx) -> discover(s));
      discoveries.add(t);
      recurring.add(t);
    }
    recurring.add(
        Tasks.recurring(REQUEUE, Schedules.fixedDelay(settings.requeueEvery()))
            .execute((instance, ctx) -> requeue()));
    if (settings.siteSchedule() != null && renderSite != null) {
      recurring.add(
          Tasks.recurring(SITE, Cron.parse(settings.siteSchedule()))
              .execute((instance, ctx) -> renderSite.run()));
    }
    SchedulerBuilder builder =
        Scheduler.create(db, items)
            .startTasks(recurring)
            .threads(settings.threads())
            .pollingInterval(settings.pollInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(WorkerSettings.MISSED_HEARTBEATS)
            .shutdownMaxWait(settings.grace())
            .schedulerName(new SchedulerName.Fixed(name))
            .tableName("scheduled_tasks");
    if (sqlite) {
      builder = builder.jdbcCustomization(new SqliteJdbcCustomization());
    } else {
      // SELECT ... FOR UPDATE SKIP LOCKED: each due task is claimed by one worker in one statement
      builder = builder.pollUsingLockAndFetch(0.5, 1.0);
    }
    this.scheduler = builder.build();
    this.registry = new WorkerRegistry(db, name);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pulse-worker-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a worker: registers it, starts claiming tasks and heartbeating.
   *
   * @param name unique among the store's workers (host, pid, start time)
   * @param sqlite the database is the SQLite store (one worker; generic polling)
   * @param schedules each source's own cron schedule, by source name; others get the default
   * @param hostDelay the hosts' delay ({@code fetch.min_host_delay}): a host's items are due this
   *     far apart
   * @param renderSite renders the site ({@code site.schedule}); null when the worker does not
   */
  public static Worker start(
      String name,
      DataSource db,
      boolean sqlite,
      Pipeline.Session session,
      List<SourceConfig> sources,
      Map<String, String> schedules,
      WorkerSettings settings,
      Duration hostDelay,
      @Nullable Runnable renderSite) {
    Worker w =
        new Worker(name, db, sqlite, session, sources, schedules, settings, hostDelay, renderSite);
    Instant now = Instant.now();
    w.registry.register(host(), ProcessHandle.current().pid(), now, session.runId());
    w.abandonDeadWorkersRuns();
    w.scheduler.start();
    long every = settings.heartbeatInterval().toMillis();
    w.heartbeats.scheduleAtFixedRate(w::beat, every, every, TimeUnit.MILLISECONDS);
    log.info(
        "worker {} started: {} sources, {} threads, heartbeat timeout {} s",
        name,
        sources.size(),
        settings.threads(),
        settings.heartbeatTimeout().toSeconds());
    return w;
  }

  /** Runs every source's discovery now instead of at its next tick (one worker takes each). */
  public void discoverNow() {
    Instant now = Instant.now();
    for (RecurringTask<Void> t : discoveries) {
      scheduler.reschedule(TaskInstanceId.of(t.getName(), RecurringTask.INSTANCE), now);
    }
  }

  public String name() {
    return name;
  }

  /**
   * Why the worker stopped by itself (the store refused a write, credentials rejected), or null.
   */
  public @Nullable String fatal() {
    return fatal;
  }

  /**
   * Stops claiming tasks, gives those in flight the grace period, records the stop. Idempotent;
   * returns once stopped.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    try {
      scheduler.stop();
    } finally {
      heartbeats.shutdownNow();
      registry.stopped(Instant.now());
      stopped.countDown();
      log.info("worker {} stopped", name);
    }
  }

  /** Blocks until the worker has stopped (by {@link #stop()} or a fatal error). */
  public void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void beat() {
    registry.heartbeat(Instant.now());
    if (++beats % WorkerSettings.MISSED_HEARTBEATS == 0) {
      abandonDeadWorkersRuns();
    }
    String why = session.fatal();
    if (why != null && fatal == null) {
      fatal = why;
      log.error("worker {} cannot go on: {}", name, why);
      new Thread(this::stop, "pulse-worker-stop").start();
    }
  }

  /**
   * Marks the runs of workers that stopped heartbeating abandoned (their items are tasks, which the
   * live workers take over): at start and once a heartbeat timeout while alive.
   */
  private void abandonDeadWorkersRuns() {
    try {
      for (RunRecord r : session.abandonDeadWorkersRuns(Instant.now().minus(heartbeatTimeout))) {
        log.warn(
            "run {} of the worker pid {} on {} (started {}) never ended: that worker stopped"
                + " heartbeating; marked abandoned, its tasks go to the live workers",
            r.id(),
            r.pid(),
            r.host(),
            r.startedAt());
      }
    } catch (RuntimeException e) {
      log.warn("the runs of dead workers not checked: {}", e.getMessage());
    }
  }

  private void process(ItemTask task) {
    if (!session.process(task.item())) {
      // stopping, or the same URL is in flight here: offered again shortly, to any worker
      throw new Released(task.url());
    }
  }

  private void discover(SourceConfig source) {
    List<DiscoveredItem> found = session.discover(source, this::schedule);
    log.info("discovered {} items from {}", found.size(), source.name());
  }

  /**
   * The store's queue back into tasks, a page at a time (the queue may hold every item of a large
   * backlog; a worker does not hold them all at once).
   */
  private void requeue() {
    Instant now = Instant.now();
    Map<String, Integer> perHost = new HashMap<>();
    session.queued(REQUEUE_PAGE, page -> schedule(page, now, perHost));
  }

  private void schedule(List<DiscoveredItem> found) {
    schedule(found, Instant.now(), new HashMap<>());
  }

  /**
   * One task per item, unless the item already has one (queued or running). A host's items are due
   * one host delay apart: tasks are claimed in the order they are due, so the workers take items of
   * every host at once instead of all queuing for the first host's turns.
   *
   * @param perHost items of each host scheduled so far from {@code now}
   */
  private void schedule(List<DiscoveredItem> found, Instant now, Map<String, Integer> perHost) {
    for (DiscoveredItem i : found) {
      int n = perHost.merge(HostOrder.host(i.url()), 1, Integer::sum) - 1;
      scheduler.scheduleIfNotExists(
          new TaskInstance<>(ITEM, EntryId.of(i.url()), ItemTask.of(i)),
          now.plus(hostDelay.multipliedBy(n)));
    }
  }

  /** This machine's name as workers record it: $HOSTNAME (a pod's name), else the host name. */
  public static String host() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** A unique name for this process's worker: host, pid and start time. */
  public static String defaultName() {
    return host() + ":" + ProcessHandle.current().pid() + ":" + System.currentTimeMillis();
  }

  /** An item not processed here (the worker is stopping): not a failure, a hand-back. */
  private static final class Released extends RuntimeException {
    Released(String url) {
      super("released " + url, null, false, false);
    }
  }
}
