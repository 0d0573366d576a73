package dev.pulse.cli;

import dev.pulse.analyze.llm.LlmGate;
import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.fetch.HostGate;
import dev.pulse.limit.Bucket4jLimits;
import dev.pulse.limit.PostgresHostTurns;
import dev.pulse.pipeline.Pipeline;
import dev.pulse.pipeline.RunControl;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.StoreLock;
import dev.pulse.store.Stores;
import dev.pulse.worker.Worker;
import dev.pulse.worker.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse worker}: a long-running process that discovers the sources on their schedules and
 * processes the items, sharing the work with every other worker of the same PostgreSQL store
 * (docs/scaling.md). On a SQLite store it is the only one: it holds the store lock.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Run as a long-lived worker: discover the sources on their schedules and process the"
            + " items, sharing the work with the other workers of a PostgreSQL store.")
final class WorkerCommand implements Callable<Integer> {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(WorkerCommand.class);

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;
  @Mixin AnalyzerOption analyzer;

  @Option(
      names = "--discover-now",
      description = "discover every source now instead of at its next scheduled time")
  boolean discoverNow;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "items in flight in this worker (default: the config's worker.threads)")
  @Nullable Integer threads;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    if (cfg.sources().isEmpty()) {
      throw new ConfigException("no sources configured in " + config.file);
    }
    String setting = store.setting(cfg);
    StoreLocation where = StoreLocation.parse(setting);
    WorkerSettings settings = WorkerConfig.settings(cfg.worker(), cfg.site(), 8);
    if (threads != null) {
      settings = settings.withThreads(threads);
    }
    Map<String, String> schedules = new HashMap<>();
    for (SourceConfig s : cfg.sources()) {
      if (s.schedule() != null) {
        schedules.put(s.name(), s.schedule());
      }
    }
    RunControl control = new RunControl(settings.grace(), null);
    // every thread may wait on a host's turn or the LLM's bucket at once, beside the scheduler
    try (var db = Stores.dataSource(where, settings.threads() + 4, System.getenv())) {
      Wiring.Sharing sharing =
          sharing(
              where,
              db,
              analyzer.llm(cfg),
              dev.pulse.config.FetchConfig.settings(cfg.fetch(), cfg.userAgent()).deadline());
      Wiring opened;
      try {
        opened = Wiring.open(cfg, setting, analyzer, false, "worker", Duration.ZERO, sharing);
      } catch (StoreLock.Busy e) {
        // only on SQLite: PostgreSQL workers take no lock
        spec.commandLine()
            .getErr()
            .println(
                "pulse: the SQLite store "
                    + where.file().toAbsolutePath()
                    + " already has a worker or a run ("
                    + (e.holder() == null ? "holder unknown" : e.holder().describe())
                    + "); one worker runs on a SQLite store: use a PostgreSQL store for more"
                    + " (docs/scaling.md)");
        return ExitCodes.BUSY;
      }
      try (Wiring w = opened;
          Pipeline.Session session = w.pipeline().session("worker", control)) {
        Path site = cfg.out().resolve("site");
        Worker worker =
            Worker.start(
                Worker.defaultName(),
                db,
                where.isSqlite(),
                session,
                cfg.sources(),
                schedules,
                settings,
                dev.pulse.config.FetchConfig.politeness(cfg.fetch()).minHostDelay(),
                () -> w.renderSite(site, false));
        if (discoverNow) {
          worker.discoverNow();
        }
        WorkerSettings s = settings;
        try (Signals signals =
            Signals.onStop(reason -> stop(worker, control, s, reason), s.grace(), ExitCodes.OK)) {
          worker.awaitStopped();
        }
        if (worker.fatal() != null) {
          spec.commandLine().getErr().println("pulse: " + worker.fatal());
          return ExitCodes.FATAL;
        }
        return ExitCodes.OK;
      }
    }
  }

  /**
   * On SIGTERM: stop claiming and wait for the items in flight, in the background (a signal handler
   * must return); near the end of the grace period the pipeline is told to stop, so an item that
   * has not started analysis is handed back instead of cut off.
   */
  private static void stop(Worker worker, RunControl control, WorkerSettings s, String reason) {
    Thread stopper = new Thread(worker::stop, "pulse-worker-stop");
    stopper.start();
    Thread nudge =
        new Thread(
            () -> {
              try {
                Thread.sleep(s.grace().multipliedBy(3).dividedBy(4).toMillis());
              } catch (InterruptedException e) {
                return;
              }
              control.requestStop(reason);
            },
            "pulse-worker-grace");
    nudge.setDaemon(true);
    nudge.start();
  }

  /** On PostgreSQL the hosts' turns and the LLM's limits are shared through the database. */
  private static Wiring.Sharing sharing(
      StoreLocation where,
      javax.sql.DataSource db,
      dev.pulse.analyze.llm.LlmSettings llm,
      Duration fetchDeadline) {
    if (where.isSqlite()) {
      return Wiring.Sharing.EXCLUSIVE; // the one worker of a SQLite store holds its lock
    }
    Bucket4jLimits limits = Bucket4jLimits.postgresql(db);
    // a turn is held no longer than a fetch may last, plus a margin
    HostGate hosts = new PostgresHostTurns(db, fetchDeadline.plusSeconds(10));
    LlmGate gate =
        limits.llm(
            llm.displayBaseUrl() + "|" + llm.model(),
            llm.requestsPerMinute(),
            llm.tokensPerMinute());
    return new Wiring.Sharing(false, hosts, gate);
  }
}
